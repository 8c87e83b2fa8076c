import VerdictMarkdown

/// Joins rendered blocks, giving headings an `id` so they can be linked to.
enum BlockHTML {
    static func join(_ blocks: [MarkdownBlock], anchors: inout AnchorSet) -> String {
        var parts: [String] = []
        parts.reserveCapacity(blocks.count)
        for block in blocks { parts.append(html(block, anchors: &anchors)) }
        return parts.joinedExactly()
    }

    static func html(_ block: MarkdownBlock, anchors: inout AnchorSet) -> String {
        guard case .heading(let level) = block.kind else { return block.html }
        let id = anchors.claim(Slug.make(from: block.text))
        return "<h\(level) id=\"\(id)\">\(block.inlineHTML)</h\(level)>\n"
    }
}

/// Finds the items of a strengths, weaknesses or use-cases section.
enum SectionItems {
    static func extract(_ blocks: [MarkdownBlock], anchors: inout AnchorSet) -> [Section.Part] {
        let parts = blocks.contains { $0.kind == .heading(level: 3) }
            ? headingItems(blocks, anchors: &anchors)
            : leadItems(blocks, anchors: &anchors)
        return merged(parts)
    }

    /// Each `###` starts an item whose body runs to the next heading of level 3 or above.
    private static func headingItems(_ blocks: [MarkdownBlock], anchors: inout AnchorSet) -> [Section.Part] {
        var parts: [Section.Part] = []
        var open: (heading: MarkdownBlock, anchor: String, body: [String])?
        func close() {
            guard let item = open else { return }
            let (title, tags) = Tags.split(title: item.heading.text)
            parts.append(.item(Item(anchor: item.anchor, title: title, tags: tags, bodyHTML: item.body.joinedExactly(), line: item.heading.line)))
            open = nil
        }
        for block in blocks {
            if case .heading(let level) = block.kind, level <= 3 {
                close()
                if level == 3 {
                    open = (block, anchors.claim(Slug.make(from: Tags.split(title: block.text).title)), [])
                    continue
                }
            }
            let html = BlockHTML.html(block, anchors: &anchors)
            if open != nil { open!.body.append(html) } else { parts.append(.html(html)) }
        }
        close()
        return parts
    }

    /// Top-level paragraphs and list items that open with `**strong**` text.
    private static func leadItems(_ blocks: [MarkdownBlock], anchors: inout AnchorSet) -> [Section.Part] {
        var parts: [Section.Part] = []
        for block in blocks {
            if block.kind == .paragraph, let lead = block.lead {
                parts.append(.item(item(lead, line: block.line, anchors: &anchors)))
            } else if case .list(let ordered) = block.kind, block.items.contains(where: { $0.lead != nil }) {
                let tag = ordered ? "ol" : "ul"
                var loose: [String] = []
                func flush() {
                    if !loose.isEmpty { parts.append(.html("<\(tag)>\n\(loose.joined())</\(tag)>\n")) }
                    loose = []
                }
                for listItem in block.items {
                    if let lead = listItem.lead {
                        flush()
                        parts.append(.item(item(lead, line: listItem.line, anchors: &anchors)))
                    } else {
                        loose.append(listItem.html)
                    }
                }
                flush()
            } else {
                parts.append(.html(BlockHTML.html(block, anchors: &anchors)))
            }
        }
        return parts
    }

    private static func item(_ lead: MarkdownLead, line: Int, anchors: inout AnchorSet) -> Item {
        var (title, tags) = Tags.split(title: lead.strong)
        let after = Tags.leadIn(lead.following)
        if let suffix = after.titleSuffix { title += " " + suffix }
        for tag in after.tags where !tags.contains(tag) { tags.append(tag) }
        return Item(anchor: anchors.claim(Slug.make(from: title)), title: title, tags: tags,
                    bodyHTML: lead.bodyHTML, line: line)
    }

    /// Adjacent HTML parts become one, so themes see content and items alternate.
    private static func merged(_ parts: [Section.Part]) -> [Section.Part] {
        var out: [Section.Part] = []
        for part in parts {
            if case .html(let next) = part, case .html(let previous)? = out.last {
                out[out.count - 1] = .html([previous, next].joinedExactly())
            } else if !part.isEmptyHTML {
                out.append(part)
            }
        }
        return out
    }
}
