import CMark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns cmark nodes into `MarkdownBlock` values. Lives only while the cmark tree does.
struct Converter {
    let flags: Int32
    let lineOffset: Int
    let options: MarkdownOptions

    func block(_ node: OpaquePointer) -> MarkdownBlock {
        let type = cmark_node_get_type(node)
        let line = self.line(of: node)
        if type == CMARK_NODE_HEADING {
            return MarkdownBlock(
                kind: .heading(level: Int(cmark_node_get_heading_level(node))), line: line,
                text: plainText(node), html: render(node), inlineHTML: renderChildren(node),
                lead: nil, items: [])
        }
        if type == CMARK_NODE_PARAGRAPH {
            let text = plainText(node)
            let html = render(node)
            let lead = self.lead(paragraph: node, container: node)
            return MarkdownBlock(kind: .paragraph, line: line, text: text, html: html,
                                 inlineHTML: "", lead: lead, items: [])
        }
        if type == CMARK_NODE_LIST {
            let text = plainText(node)
            let html = render(node)
            var items: [MarkdownListItem] = []
            var child = cmark_node_first_child(node)
            while let item = child {
                child = cmark_node_next(item)
                let itemHTML = render(item)
                var lead: MarkdownLead?
                if let first = cmark_node_first_child(item), cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH {
                    lead = self.lead(paragraph: first, container: item)
                }
                items.append(MarkdownListItem(line: self.line(of: item), html: itemHTML, lead: lead))
            }
            return MarkdownBlock(kind: .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST),
                                 line: line, text: text, html: html, inlineHTML: "", lead: nil, items: items)
        }
        return MarkdownBlock(kind: .other, line: line, text: plainText(node), html: render(node),
                             inlineHTML: "", lead: nil, items: [])
    }

    /// Splits a paragraph that opens with strong emphasis. The strong node and the lead-in text
    /// are removed from the tree, then `container` (the paragraph or its list item) is rendered
    /// child by child as the body. Callers render the untouched block before calling this.
    private func lead(paragraph: OpaquePointer, container: OpaquePointer) -> MarkdownLead? {
        guard let strongNode = cmark_node_first_child(paragraph),
              cmark_node_get_type(strongNode) == CMARK_NODE_STRONG else { return nil }
        let strong = plainText(strongNode)
        var following = ""
        if let next = cmark_node_next(strongNode), cmark_node_get_type(next) == CMARK_NODE_TEXT {
            following = literal(next)
            let drop = min(max(options.leadInLength(following), 0), following.utf8.count)
            let rest = String(decoding: following.utf8.dropFirst(drop), as: UTF8.self)
            if rest.isEmpty {
                cmark_node_unlink(next)
                cmark_node_free(next)
            } else {
                cmark_node_set_literal(next, rest)
            }
        }
        cmark_node_unlink(strongNode)
        cmark_node_free(strongNode)
        // A line break straight after the lead-in would open the body with an empty line.
        if let first = cmark_node_first_child(paragraph) {
            let type = cmark_node_get_type(first)
            if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                cmark_node_unlink(first)
                cmark_node_free(first)
            }
        }
        if cmark_node_first_child(paragraph) == nil {
            if container == paragraph {
                return MarkdownLead(strong: strong, following: following, bodyHTML: "")
            }
            cmark_node_unlink(paragraph)
            cmark_node_free(paragraph)
        }
        return MarkdownLead(strong: strong, following: following, bodyHTML: renderChildren(container))
    }

    /// Applies `rewriteURL` to every link and image, and records them.
    func rewriteLinks(in root: OpaquePointer) -> [MarkdownLink] {
        var links: [MarkdownLink] = []
        guard let iterator = cmark_iter_new(root) else { return links }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE else { continue }
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            links.append(MarkdownLink(destination: url, line: line(of: node),
                                      isImage: type == CMARK_NODE_IMAGE, text: plainText(node)))
            let rewritten = options.rewriteURL(url)
            if rewritten != url { cmark_node_set_url(node, rewritten) }
        }
        return links
    }

    /// Inline nodes carry no position in cmark, so the nearest block ancestor's line is used.
    func line(of node: OpaquePointer) -> Int {
        var current: OpaquePointer? = node
        while let candidate = current {
            let line = Int(cmark_node_get_start_line(candidate))
            if line > 0 { return line + lineOffset }
            current = cmark_node_parent(candidate)
        }
        return 1 + lineOffset
    }

    func render(_ node: OpaquePointer) -> String {
        guard let html = cmark_render_html(node, flags) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    func renderChildren(_ node: OpaquePointer) -> String {
        var parts: [String] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            parts.append(render(current))
            child = cmark_node_next(current)
        }
        return parts.joinedExactly()
    }

    func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    /// Text content with markup removed; breaks become spaces. Iterative, so deep nesting is safe.
    func plainText(_ node: OpaquePointer) -> String {
        var out = ""
        guard let iterator = cmark_iter_new(node) else { return out }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let current = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(current)
            if event == CMARK_EVENT_ENTER {
                if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK {
                    out += literal(current)
                } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                    out += " "
                }
            } else if event == CMARK_EVENT_EXIT, isBlock(type), !out.isEmpty, out.utf8.last != UInt8(ascii: " ") {
                out += " "
            }
        }
        return out.trimmingTrailingSpaces()
    }

    private func isBlock(_ type: cmark_node_type) -> Bool {
        type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || type == CMARK_NODE_ITEM
            || type == CMARK_NODE_BLOCK_QUOTE || type == CMARK_NODE_LIST
    }
}

extension String {
    /// On UTF-8 bytes: every block's text passes through here, and stepping back over Characters
    /// (grapheme breaking) and copying the result took 1.7% of a 10,000-review build.
    fileprivate func trimmingTrailingSpaces() -> String {
        var end = utf8.endIndex
        while end > utf8.startIndex, utf8[utf8.index(before: end)] == UInt8(ascii: " ") { end = utf8.index(before: end) }
        return end == utf8.endIndex ? self : String(self[..<end])
    }
}
