/// Which name tags a set of renders evaluated, and which of them found a value: what a theme lint needs
/// to warn about a name that never resolves. Indexes are positions in `TemplateLibrary.tags`.
///
/// A tag inside a section that never rendered is neither evaluated nor resolved: it may be fine.
public struct TemplateTagUsage: Sendable, Equatable {
    private var evaluated: [Bool]
    private var resolved: [Bool]

    /// No tag evaluated yet, for a library with `tagCount` tags.
    public init(tagCount: Int) {
        evaluated = Array(repeating: false, count: tagCount)
        resolved = Array(repeating: false, count: tagCount)
    }

    public func wasEvaluated(_ tag: Int) -> Bool { evaluated[tag] }
    public func wasResolved(_ tag: Int) -> Bool { resolved[tag] }

    /// Tags evaluated at least once and never resolved, by index.
    public var unresolved: [Int] { evaluated.indices.filter { evaluated[$0] && !resolved[$0] } }

    /// Adds another set of renders (from another task, say) to this one.
    public mutating func formUnion(_ other: TemplateTagUsage) {
        for index in evaluated.indices {
            evaluated[index] = evaluated[index] || other.evaluated[index]
            resolved[index] = resolved[index] || other.resolved[index]
        }
    }

    mutating func record(_ tag: Int, resolved found: Bool) {
        evaluated[tag] = true
        if found { resolved[tag] = true }
    }
}
