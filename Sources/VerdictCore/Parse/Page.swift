import VerdictMarkdown

/// A free page or a use-case intro, rendered to HTML.
public struct Page: Sendable {
    /// Site path, such as `/benchmarks/methodology/`.
    public let path: String
    public let sourcePath: String
    public let title: String
    public let description: String?
    public let html: String
    public let links: [MarkdownLink]
    public let anchors: Set<String>

    static func parse(_ source: PageSource, path: String, markdown: MarkdownOptions) -> Page {
        let document = MarkdownDocument.parse(source.body, firstLine: source.bodyLine, options: markdown)
        var anchors = AnchorSet()
        ReviewParser.reservedAnchors.forEach { _ = anchors.claim($0) }
        let html = BlockHTML.join(document.blocks, anchors: &anchors)
        return Page(path: path, sourcePath: source.file.path, title: source.title, description: source.description,
                    html: html, links: document.links, anchors: anchors.all)
    }
}
