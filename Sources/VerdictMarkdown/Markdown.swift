import CMark

/// How a document is parsed and rendered.
public struct MarkdownOptions: Sendable {
    /// Keep raw HTML (cmark's unsafe mode). Off by default: raw HTML becomes a comment.
    public var unsafeHTML: Bool
    /// Rewrites every link and image destination before rendering (used for the baseURL prefix).
    public var rewriteURL: @Sendable (String) -> String
    /// Given the text that follows a leading `**strong**` run, returns how many UTF-8 bytes
    /// of it belong to the lead-in (tags, a period, spaces) and must not appear in the body.
    public var leadInLength: @Sendable (String) -> Int

    public init(
        unsafeHTML: Bool = false,
        rewriteURL: @escaping @Sendable (String) -> String = { $0 },
        leadInLength: @escaping @Sendable (String) -> Int = { _ in 0 }
    ) {
        self.unsafeHTML = unsafeHTML
        self.rewriteURL = rewriteURL
        self.leadInLength = leadInLength
    }
}

/// A parsed Markdown document as a flat list of top-level blocks, already rendered to HTML.
///
/// cmark owns the tree only for the duration of `parse`; everything here is plain Swift values,
/// so no pointer escapes this module.
public struct MarkdownDocument: Sendable {
    public let blocks: [MarkdownBlock]
    public let links: [MarkdownLink]

    public static func parse(_ text: String, firstLine: Int = 1, options: MarkdownOptions = .init()) -> MarkdownDocument {
        var flags = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        if options.unsafeHTML { flags |= CMARK_OPT_UNSAFE }
        let utf8 = Array(text.utf8)
        guard let root = utf8.withUnsafeBufferPointer({ buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, flags) }
        }) else {
            return MarkdownDocument(blocks: [], links: [])
        }
        defer { cmark_node_free(root) }
        let converter = Converter(flags: flags, lineOffset: firstLine - 1, options: options)
        let links = converter.rewriteLinks(in: root)
        var blocks: [MarkdownBlock] = []
        var child = cmark_node_first_child(root)
        while let node = child {
            // Read the next sibling first: building a lead-in may edit (but never unlink) this node.
            child = cmark_node_next(node)
            blocks.append(converter.block(node))
        }
        return MarkdownDocument(blocks: blocks, links: links)
    }
}

public struct MarkdownBlock: Sendable {
    public enum Kind: Sendable, Equatable {
        case heading(level: Int)
        case paragraph
        case list(ordered: Bool)
        case other
    }

    public let kind: Kind
    /// Line in the source file (front matter included).
    public let line: Int
    /// Plain text of the block (inline markup removed).
    public let text: String
    /// The block rendered by cmark.
    public let html: String
    /// For headings: the inline content rendered without the `<hN>` wrapper.
    public let inlineHTML: String
    /// For paragraphs that begin with strong emphasis.
    public let lead: MarkdownLead?
    /// For lists: one entry per item.
    public let items: [MarkdownListItem]
}

public struct MarkdownListItem: Sendable {
    public let line: Int
    /// The whole `<li>` element.
    public let html: String
    /// Set when the item's first paragraph begins with strong emphasis.
    public let lead: MarkdownLead?
}

/// A block that opens with `**strong**` text: the shape of a bold-led item.
public struct MarkdownLead: Sendable {
    /// Plain text of the strong run.
    public let strong: String
    /// Plain text that followed it in the same text node, before the lead-in was removed.
    public let following: String
    /// The rest of the block rendered without the strong run and the lead-in.
    public let bodyHTML: String
}

public struct MarkdownLink: Sendable, Equatable {
    public let destination: String
    public let line: Int
    public let isImage: Bool
    /// Link text or image alt text.
    public let text: String

    /// Public for the review cache, which rebuilds links it stored (VerdictCore's `ReviewCodec`).
    public init(destination: String, line: Int, isImage: Bool, text: String) {
        self.destination = destination
        self.line = line
        self.isImage = isImage
        self.text = text
    }
}
