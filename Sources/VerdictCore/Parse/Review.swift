import VerdictMarkdown

/// A review after its Markdown has been parsed into sections and items.
public struct Review: Sendable {
    public let slug: String
    /// Source file as shown in diagnostics.
    public let path: String
    public let meta: ReviewMeta
    /// Everything before the first `##` heading.
    public let introHTML: String
    /// File line where the body starts, after the front matter.
    public let bodyLine: Int
    public let sections: [Section]
    /// One line for lists and feeds: `summary:` or the first sentence of the verdict.
    public let summary: String
    /// Every link and image in the body, with its source line, before the baseURL prefix.
    public let links: [MarkdownLink]
    /// Every anchor id on the review page.
    public let anchors: Set<String>

    public var verdict: Section? { sections.first { $0.role == .verdict } }

    /// Items of every section with `role`, in source order.
    public func items(_ role: Section.Role) -> [Item] {
        sections.filter { $0.role == role }.flatMap(\.items)
    }
}

/// A `##` section of a review.
public struct Section: Sendable {
    public enum Role: String, Sendable, CaseIterable {
        case verdict, strengths, weaknesses, useCases = "use-cases", other

        /// Recognised by heading text, case-insensitively.
        init(heading: String) {
            var key = String(heading.lowercased().trimmingSpaces())
            while key.hasSuffix(":") || key.hasSuffix(".") { key.removeLast() }
            switch key {
            case "verdict": self = .verdict
            case "strengths", "where it shines": self = .strengths
            case "weaknesses", "where it falls short": self = .weaknesses
            case "use cases", "real-world use cases": self = .useCases
            default: self = .other
            }
        }

        /// Sections whose items are extracted.
        public var hasItems: Bool { self == .strengths || self == .weaknesses || self == .useCases }
    }

    public let id: String
    public let title: String
    public let titleHTML: String
    public let role: Role
    public let line: Int
    public let parts: [Part]
    /// The verdict as plain text, paragraphs separated by blank lines (for data downloads); empty for
    /// other sections, which no output needs as text, to keep 10,000 reviews small in memory.
    public let text: String

    public enum Part: Sendable {
        case html(String)
        case item(Item)
    }

    public var items: [Item] {
        parts.compactMap { if case .item(let item) = $0 { item } else { nil } }
    }

    /// True when the heading has nothing under it (`verdict check` warns for recognised sections).
    public var isEmpty: Bool { parts.isEmpty }
}

/// A strength, weakness or use case: a title, its tags and a body.
public struct Item: Sendable {
    public let anchor: String
    public let title: String
    public let tags: [String]
    public let bodyHTML: String
    public let line: Int
}
