import VerdictMarkdown

/// Markdown body → sections and items, following the review format.
enum ReviewParser {
    /// Ids the theme uses on the review page; sections never take them.
    static let reservedAnchors = ["top", "main", "content", "toc", "scorecard", "scorecard-title", "benchmarks", "history",
                                  "alternatives", "compare"]

    static func parse(_ source: ReviewSource, markdown: MarkdownOptions) -> Review {
        let document = MarkdownDocument.parse(source.body, firstLine: source.bodyLine, options: markdown)
        var anchors = AnchorSet()
        reservedAnchors.forEach { _ = anchors.claim($0) }

        var introBlocks: [MarkdownBlock] = []
        var groups: [(heading: MarkdownBlock, blocks: [MarkdownBlock])] = []
        for block in document.blocks {
            if block.kind == .heading(level: 2) {
                groups.append((block, []))
            } else if groups.isEmpty {
                introBlocks.append(block)
            } else {
                groups[groups.count - 1].blocks.append(block)
            }
        }
        let sectionIDs = groups.map { anchors.claim(Slug.make(from: $0.heading.text)) }
        var sections: [Section] = []
        for (group, id) in zip(groups, sectionIDs) {
            let role = Section.Role(heading: group.heading.text)
            let parts = role.hasItems
                ? SectionItems.extract(group.blocks, anchors: &anchors)
                : [.html(BlockHTML.join(group.blocks, anchors: &anchors))].filter { !$0.isEmptyHTML }
            sections.append(Section(id: id, title: group.heading.text, titleHTML: group.heading.inlineHTML,
                                    role: role, line: group.heading.line, parts: parts,
                                    text: role == .verdict ? group.blocks.map(\.text).filter { !$0.isEmpty }.joined(separator: "\n\n") : ""))
        }
        let introHTML = BlockHTML.join(introBlocks, anchors: &anchors)
        let summary = source.meta.summary
            ?? firstSentence(of: groups.first { Section.Role(heading: $0.heading.text) == .verdict }?.blocks)
            ?? firstSentence(of: introBlocks)
            ?? ""
        return Review(slug: source.slug, path: source.path, meta: source.meta, introHTML: introHTML, bodyLine: source.bodyLine,
                      sections: sections, summary: summary, links: document.links, anchors: anchors.all, hashes: source.hashes)
    }

    /// The first sentence of the first paragraph: up to a `.`, `!` or `?` followed by a space.
    static func firstSentence(of blocks: [MarkdownBlock]?) -> String? {
        guard let paragraph = blocks?.first(where: { $0.kind == .paragraph }) else { return nil }
        let text = paragraph.text
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            if ".!?".contains(text[index]), next == text.endIndex || text[next] == " " {
                return String(text[...index])
            }
            index = next
        }
        return text.isEmpty ? nil : text
    }
}

extension Section.Part {
    var isEmptyHTML: Bool {
        if case .html(let html) = self { return html.isEmpty }
        return false
    }
}
