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
        let config = site.config
        let items: [DataJSON] = feedEntries.map { entry in
            let url = links.absolute("/models/\(entry.review.slug)/")
            return .object([
                ("id", .string(url)), ("url", .string(url)), ("title", .string(entry.review.meta.title)),
                ("summary", .string(entry.review.summary)),
                ("content_html", .string(entry.review.verdict.map(sectionHTML) ?? "<p>\(Escape.xml(entry.review.summary))</p>")),
                ("date_published", .string(Escape.timestamp(entry.published))), ("date_modified", .string(Escape.timestamp(entry.updated))),
                ("tags", .strings(feedTags(entry.review))),
            ])
        }
        var feed: [(key: String, value: DataJSON)] = [
            ("version", .string("https://jsonfeed.org/version/1.1")), ("title", .string(config.title)),
            ("home_page_url", .string(links.absolute("/"))), ("feed_url", .string(links.absolute("/feed.json"))),
            ("language", .string(config.language)), ("authors", .array([.object([("name", .string(config.author))])])),
            ("items", .array(items)),
        ]
        // Left out, not `null`, when empty.
        if !config.description.isEmpty { feed.append(("description", .string(config.description))) }
        return Data(PrettyJSON.file(.object(feed)))
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
