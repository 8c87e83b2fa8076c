/// A template after parsing: the tree the renderer walks. Names are split, helpers identified, and partials
/// and parents point at their template by index, so rendering does no parsing and no name lookups by
/// template name.
indirect enum TemplateNode: Sendable {
    /// Template text, adjacent lines merged (see `TemplateRenderer.renderIndented` for why that is safe).
    case text([UInt8])
    case variable(TemplateName, escaped: Bool)
    case section(TemplateName, [TemplateNode])
    case inverted(TemplateName, [TemplateNode])
    /// `{{>name}}` (`overrides` nil) or `{{<name}}` (`overrides` holds its `{{$block}}`s, maybe none).
    /// `indentation` is nil unless the tag stood alone on its line. `target` is -1 for an unknown partial
    /// in a library built with `unknownPartials: .renderEmpty`.
    case partial(target: Int, indentation: [UInt8]?, overrides: [BlockOverride]?)
    /// `{{$name}}default{{/name}}` where it is expanded (not where a child overrides it).
    case block(id: Int, defaultContent: [TemplateNode], indentation: [UInt8])
    /// `{{% CONTENT_TYPE: HTML }}` (true) or `TEXT` (false): whether `{{x}}` escapes, from here to the end
    /// of the template being rendered.
    case escaping(Bool)
}

/// A child's replacement for one block of its parent.
struct BlockOverride: Sendable {
    /// The block's name, as an index into the library's block names (an integer compare at render time).
    let id: Int
    let content: [TemplateNode]
}

/// A name as written in a tag, resolved once at parse time.
struct TemplateName: Sendable {
    enum Base: Sendable {
        /// `{{.}}`: the innermost value.
        case current
        /// `first()` and its kin with no argument: the position in the innermost list section.
        case position
        /// `a.b.c`: `a` looked up from the innermost value outwards, then `b` and `c` inside it.
        case path([String])
        /// `.a.b`: `a` looked up in the innermost value only.
        case anchoredPath([String])
    }

    let base: Base
    /// Helpers in the order they apply: `count(reversed(x))` is `[.reversed, .count]`.
    let helpers: [TemplateHelper]
    /// The tag's index in the library's tag table (for theme lint).
    let tag: Int
}

/// Where a name tag is, for tools that report on a theme (`TemplateLibrary.tags`).
public struct TemplateTag: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case variable, section, invertedSection }
    public let template: String
    public let line: Int
    public let column: Int
    /// The name as written between the delimiters, trimmed (`review.title`, `count(items)`).
    public let name: String
    public let kind: Kind
}
