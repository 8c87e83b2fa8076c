import Foundation

/// `/feed.xml` (Atom 1.0) and `/feed.json` (JSON Feed 1.1): reviews, newest change first.
/// An updated review (a newer `reviewed` date) is an updated entry.
extension Renderer {
    static let feedLength = 50

    struct FeedEntry {
        let review: Review
        let published: Day
        let updated: Day
    }

    var feedEntries: [FeedEntry] {
        site.reviews.map { FeedEntry(review: $0, published: $0.meta.published, updated: max($0.meta.published, $0.meta.reviewed)) }
            .sorted { ($0.updated, $1.review.slug) > ($1.updated, $0.review.slug) }
            .prefix(Renderer.feedLength).map { $0 }
    }

    func atomFeed() -> String {
        let entries = feedEntries
        let config = site.config
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(Escape.xml(config.language))">
            <title>\(Escape.xml(config.title))</title>

            """
        if !config.description.isEmpty { xml += "<subtitle>\(Escape.xml(config.description))</subtitle>\n" }
        xml += """
            <id>\(Escape.xml(links.absolute("/")))</id>
            <link rel="alternate" type="text/html" href="\(Escape.xml(links.absolute("/")))"/>
            <link rel="self" type="application/atom+xml" href="\(Escape.xml(links.absolute("/feed.xml")))"/>
            <updated>\(Escape.timestamp(entries.map(\.updated).max() ?? newestDate ?? Day("2000-01-01")!))</updated>
            <author><name>\(Escape.xml(config.author))</name></author>
            <generator>Verdict</generator>

            """
        for entry in entries {
            let review = entry.review
            let url = links.absolute("/models/\(review.slug)/")
            xml += """
                <entry>
                <title>\(Escape.xml(review.meta.title))</title>
                <id>\(Escape.xml(url))</id>
                <link rel="alternate" type="text/html" href="\(Escape.xml(url))"/>
                <published>\(Escape.timestamp(entry.published))</published>
                <updated>\(Escape.timestamp(entry.updated))</updated>
                <summary>\(Escape.xml(review.summary))</summary>

                """
            if let verdict = review.verdict { xml += "<content type=\"html\">\(Escape.xml(sectionHTML(verdict)))</content>\n" }
            for tag in feedTags(review) { xml += "<category term=\"\(Escape.xml(tag))\"/>\n" }
            xml += "</entry>\n"
        }
        return xml + "</feed>\n"
    }

    func jsonFeed() -> Data {
        struct Feed: Encodable {
            let version = "https://jsonfeed.org/version/1.1"
            let title: String
            let home_page_url: String
            let feed_url: String
            let description: String?
            let language: String
            let authors: [Author]
            let items: [Item]
        }
        struct Author: Encodable { let name: String }
        struct Item: Encodable {
            let id: String
            let url: String
            let title: String
            let summary: String
            let content_html: String
            let date_published: String
            let date_modified: String
            let tags: [String]
        }
        let config = site.config
        let feed = Feed(
            title: config.title, home_page_url: links.absolute("/"), feed_url: links.absolute("/feed.json"),
            description: config.description.isEmpty ? nil : config.description, language: config.language,
            authors: [Author(name: config.author)],
            items: feedEntries.map { entry in
                let url = links.absolute("/models/\(entry.review.slug)/")
                return Item(id: url, url: url, title: entry.review.meta.title, summary: entry.review.summary,
                            content_html: entry.review.verdict.map(sectionHTML) ?? "<p>\(Escape.xml(entry.review.summary))</p>",
                            date_published: Escape.timestamp(entry.published), date_modified: Escape.timestamp(entry.updated),
                            tags: feedTags(entry.review))
            })
        return DataEncoding.json(feed)
    }

    /// The verdict's HTML for feed readers: the section's content without items markup.
    func sectionHTML(_ section: Section) -> String {
        section.parts.map { part in
            switch part {
            case .html(let html): html
            case .item(let item): "<p><strong>\(Escape.xml(item.title))</strong> \(item.bodyHTML)</p>"
            }
        }.joined()
    }

    private func feedTags(_ review: Review) -> [String] {
        var tags = [review.meta.vendor]
        if let tier = review.meta.tier { tags.append(tier) }
        return tags
    }
}

/// Writes `null` for a missing value instead of leaving the key out, so every documented key is
/// always present in the data downloads.
@propertyWrapper
struct ExplicitNull<Value: Encodable>: Encodable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}

/// JSON written by Verdict: sorted keys and no escaped slashes, so files are stable and readable.
enum DataEncoding {
    static func json(_ value: some Encodable) -> Data {
        ((try? encoder.encode(value)) ?? Data("{}".utf8)) + Data("\n".utf8)
    }

    /// `json(document(elements))`, byte for byte, for a document holding one long array: JSONEncoder
    /// keeps a tree of the whole file while it writes, several times the file's size (150 MB for the
    /// 37 MB `models.json` of 10,000 reviews). Here each element is encoded on its own, indented, and
    /// spliced into the document encoded around a placeholder.
    /// `elements` may be lazy: each is made, encoded and dropped in turn.
    static func json<Element: Encodable, Document: Encodable>(_ elements: some Collection<Element>,
                                                              in document: ([Slot<Element>]) -> Document) -> Data {
        guard !elements.isEmpty else { return json(document([])) }
        let encoder = Self.encoder
        let skeleton = String(decoding: json(document([.placeholder])), as: UTF8.self)
        let marker = String(decoding: (try? encoder.encode(Slot<Element>.marker)) ?? Data(), as: UTF8.self)
        // A document that leaves the array out has no marker; it is encoded whole.
        guard let found = skeleton.range(of: marker) else { return json(document(elements.map { .element($0) })) }
        let lineStart = skeleton[..<found.lowerBound].lastIndex(of: "\n").map(skeleton.index(after:)) ?? skeleton.startIndex
        let indent = Array(skeleton[lineStart..<found.lowerBound].utf8)
        var out = Data(skeleton[..<lineStart].utf8)
        for (index, element) in elements.enumerated() {
            let encoded = (try? encoder.encode(element)) ?? Data("{}".utf8)
            if index == 0 {
                // Room for a quarter more than the first element's size each, so the buffer is
                // usually not regrown (and copied) along the way; pages of the allocation that are
                // never written use no memory. Capped, so an outsized first element cannot ask for
                // more than a large site needs; past the estimate the buffer simply grows.
                let lines = encoded.count { $0 == UInt8(ascii: "\n") } + 1
                let piece = encoded.count + lines * indent.count
                let estimate = skeleton.utf8.count + elements.count * (piece + 2) * 5 / 4
                out.reserveCapacity(min(estimate, 1 << 30))
            }
            appendIndented(encoded, indent: indent, to: &out)
            if index < elements.count - 1 { out.append(contentsOf: ",\n".utf8) }
        }
        out.append(contentsOf: skeleton[found.upperBound...].utf8)
        return out
    }

    /// `text` with `indent` before each line. Strings are escaped in JSON, so every newline is one of
    /// the pretty-printer's; the blank line it writes inside an empty container stays blank. Done on
    /// bytes: splitting 37 MB into Substrings and joining them again was a third of this file's cost.
    private static func appendIndented(_ text: Data, indent: [UInt8], to out: inout Data) {
        let newline = UInt8(ascii: "\n")
        text.withUnsafeBytes { bytes in
            var start = 0
            while start < bytes.count {
                let end = bytes[start...].firstIndex(of: newline).map { $0 + 1 } ?? bytes.count
                if bytes[start] != newline { out.append(contentsOf: indent) }
                out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
                start = end
            }
        }
    }

    /// An element of the long array, or the placeholder that stands in for all of them.
    enum Slot<Element: Encodable>: Encodable {
        case placeholder
        case element(Element)

        static var marker: String { "\u{0}verdict-elements\u{0}" }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .placeholder: try container.encode(Slot.marker)
            case .element(let element): try container.encode(element)
            }
        }
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return encoder
    }
}
