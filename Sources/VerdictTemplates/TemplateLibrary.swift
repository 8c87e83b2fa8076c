/// A set of Mustache templates, parsed once, that render `TemplateValue`s.
///
/// Every template can be used by name as a partial (`{{>name}}`) or a parent (`{{<name}}`), and these
/// references are resolved when the library is built, so a render never looks a template up by name
/// except the one it starts from. Immutable and `Sendable`: render from as many tasks as you like.
///
/// Supported: the Mustache specification's comments, delimiters, interpolation, sections, inverted
/// sections, partials (with standalone indentation) and inheritance (`{{<parent}}`, `{{$block}}`), the
/// helpers of `TemplateHelper` (`{{count(items)}}`, `{{#first()}}`), and swift-mustache's content-type
/// pragma (`{{% CONTENT_TYPE: TEXT }}` stops escaping until the end of the template). Not supported:
/// lambdas and dynamic names (`{{>*name}}`). See `TemplateRenderer` for how each tag reads a value.
public struct TemplateLibrary: Sendable {
    /// What a reference to a template that does not exist does.
    public enum UnknownPartials: Sendable {
        /// It is a syntax error of the referencing template (the default).
        case error
        /// It renders nothing, as the Mustache specification has it.
        case renderEmpty
    }

    private let index: [String: Int]
    private let compiled: [[TemplateNode]]
    /// Every name tag of every template (variables, sections, inverted sections), in template-name
    /// then source order; `TemplateTagUsage` refers to them by position.
    public let tags: [TemplateTag]

    /// Parses every template. Throws every template's first syntax error and every unknown partial or
    /// parent, all at once.
    public init(templates: [String: String], unknownPartials: UnknownPartials = .error) throws(TemplateLibraryError) {
        let names = templates.keys.sorted()
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        var compiled: [[TemplateNode]] = []
        var errors: [TemplateSyntaxError] = []
        var blockIDs: [String: Int] = [:]
        var tags: [TemplateTag] = []
        for name in names {
            var parser = TemplateParser(name: name, source: templates[name]!, templateIndex: index,
                                        renderUnknownPartialsEmpty: unknownPartials == .renderEmpty,
                                        blockIDs: blockIDs, tags: tags)
            do {
                compiled.append(try parser.parse())
            } catch {
                let place = parser.location(of: error.offset)
                errors.append(TemplateSyntaxError(template: name, line: place.line, column: place.column, message: error.message))
                compiled.append([])
            }
            errors += parser.unknownPartials
            blockIDs = parser.blockIDs
            tags = parser.tags
        }
        if !errors.isEmpty { throw TemplateLibraryError(errors) }
        self.index = index
        self.compiled = compiled
        self.tags = tags
    }

    /// The templates' names, sorted.
    public var names: [String] { index.keys.sorted() }

    public func contains(_ name: String) -> Bool { index[name] != nil }

    /// Renders template `name` against `value`.
    public func render(_ name: String, _ value: TemplateValue) throws -> String {
        var bytes: [UInt8] = []
        try render(name, value, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Renders template `name` against `value`, appending UTF-8 to `buffer`: the fast path, with no
    /// String built for the page.
    public func render(_ name: String, _ value: TemplateValue, into buffer: inout [UInt8]) throws {
        var usage: TemplateTagUsage? = nil
        try render(name, value, into: &buffer, usage: &usage)
    }

    /// `render(_:_:into:)` that also records which name tags were evaluated and which found a value.
    public func render(_ name: String, _ value: TemplateValue, into buffer: inout [UInt8], recording usage: inout TemplateTagUsage) throws {
        var recording: TemplateTagUsage? = usage
        try render(name, value, into: &buffer, usage: &recording)
        usage = recording!
    }

    private func render(_ name: String, _ value: TemplateValue, into buffer: inout [UInt8], usage: inout TemplateTagUsage?) throws {
        guard let target = index[name] else { throw TemplateNotFound(name: name) }
        var renderer = TemplateRenderer(templates: compiled, out: buffer, root: value, usage: usage)
        buffer = []
        renderer.render(compiled[target], TemplateRenderer.Context())
        if renderer.tooDeep {
            buffer = renderer.out
            throw TemplateRenderError(template: name, message: "partials or blocks nested more than \(TemplateRenderer.maximumDepth) deep, or more than \(TemplateRenderer.maximumExpansions) expanded: does a template include itself?")
        }
        buffer = renderer.out
        usage = renderer.usage
    }
}

/// A render that could not finish.
public struct TemplateRenderError: Error, Sendable, Equatable, CustomStringConvertible {
    public let template: String
    public let message: String
    public var description: String { "\(template): \(message)" }
}
