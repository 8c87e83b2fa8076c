import VerdictMarkdown

/// A review after its Markdown has been parsed into sections and items. A class, though immutable:
/// the site, its taxonomy and every view share one instance instead of copying dozens of strings.
public final class Review: Sendable {
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
    /// Items by tag for each role with items, tags in order of first use. Made once here, so neither
    /// the taxonomy nor the tag checks walk every section of every review again (`verdict serve`
    /// keeps parsed reviews between rebuilds).
    public let tagGroups: [Section.Role: [TagGroup]]
    /// Hashes of the source this was parsed from (see `PageInputKeys`).
    public let hashes: ReviewHashes

    init(slug: String, path: String, meta: ReviewMeta, introHTML: String, bodyLine: Int, sections: [Section],
         summary: String, links: [MarkdownLink], anchors: Set<String>, hashes: ReviewHashes) {
        self.hashes = hashes
        self.slug = slug
        self.path = path
        self.meta = meta
        self.introHTML = introHTML
        self.bodyLine = bodyLine
        self.sections = sections
        self.summary = summary
        self.links = links
        self.anchors = anchors
        var groups: [Section.Role: [TagGroup]] = [:]
        for role in Section.Role.allCases where role.hasItems {
            var itemsByTag: [String: [Item]] = [:]
            var order: [String] = []
            for item in Review.items(role, in: sections) {
                for tag in item.tags {
                    if itemsByTag[tag] == nil { order.append(tag) }
                    itemsByTag[tag, default: []].append(item)
                }
            }
            if !order.isEmpty { groups[role] = order.map { TagGroup(tag: $0, items: itemsByTag[$0]!) } }
        }
        tagGroups = groups
    }

    public var verdict: Section? { sections.first { $0.role == .verdict } }

    /// Items of every section with `role`, in source order.
    public func items(_ role: Section.Role) -> [Item] { Review.items(role, in: sections) }

    private static func items(_ role: Section.Role, in sections: [Section]) -> [Item] {
        sections.filter { $0.role == role }.flatMap(\.items)
    }
}

/// The items of one review, in one role, that carry a tag.
public struct TagGroup: Sendable {
    public let tag: String
    public let items: [Item]
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

/// A strength, weakness or use case: a title, its tags and a body. A class for the same reason as
/// `Review`: use-case and capability pages list items taken from every review.
public final class Item: Sendable {
    public let anchor: String
    public let title: String
    public let tags: [String]
    public let bodyHTML: String
    public let line: Int

    init(anchor: String, title: String, tags: [String], bodyHTML: String, line: Int) {
        self.anchor = anchor
        self.title = title
        self.tags = tags
        self.bodyHTML = bodyHTML
        self.line = line
    }
}
