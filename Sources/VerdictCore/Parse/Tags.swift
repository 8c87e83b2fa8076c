/// Reads the `(tag, tag)` list that may follow an item title.
enum Tags {
    /// A title with a trailing tag list removed: `Intent routing (classification)` → ("Intent routing", ["classification"]).
    /// Parentheses that hold anything but slugs stay part of the title.
    static func split(title raw: String) -> (title: String, tags: [String]) {
        var title = raw.trimmingSpaces()
        if title.hasSuffix(".") || title.hasSuffix(":") { title = title.dropLast() }
        title = title.trimmingTrailingWhitespace()
        if title.hasSuffix(")"), let open = title.lastIndex(of: "("),
           let tags = parseList(title[title.index(after: open)..<title.index(before: title.endIndex)]) {
            let head = title[..<open].trimmingTrailingWhitespace()
            if !head.isEmpty { return (cleanTitle(head), tags) }
        }
        return (cleanTitle(title), [])
    }

    /// The lead-in after a bold title: spaces, an optional `(tags)` list, an optional `.`/`:`/dash.
    /// Returns the tags, any parenthesised text that is not a tag list (it belongs to the title),
    /// and how many UTF-8 bytes the lead-in spans.
    static func leadIn(_ text: String) -> (tags: [String], titleSuffix: String?, length: Int) {
        let utf8 = text.utf8
        var index = utf8.startIndex
        func skipSpaces() { while index < utf8.endIndex, utf8[index] == UInt8(ascii: " ") || utf8[index] == UInt8(ascii: "\t") { index = utf8.index(after: index) } }
        skipSpaces()
        var tags: [String] = []
        var suffix: String?
        if index < utf8.endIndex, utf8[index] == UInt8(ascii: "("),
           let close = utf8[index...].firstIndex(of: UInt8(ascii: ")")) {
            let inner = text[utf8.index(after: index)..<close]
            if let parsed = parseList(inner) { tags = parsed } else { suffix = "(\(inner))" }
            index = utf8.index(after: close)
            skipSpaces()
        }
        if index < utf8.endIndex, utf8[index] == UInt8(ascii: ".") || utf8[index] == UInt8(ascii: ":") {
            index = utf8.index(after: index)
        } else if text[index...].hasPrefix("—") || text[index...].hasPrefix("–") {
            index = text[index...].unicodeScalars.index(after: index)
        }
        skipSpaces()
        return (tags, suffix, utf8.distance(from: utf8.startIndex, to: index))
    }

    /// `a, b-c` → ["a", "b-c"]; nil unless every entry is a slug.
    static func parseList(_ inner: Substring) -> [String]? {
        let parts = inner.split(separator: ",", omittingEmptySubsequences: false).map { String($0.trimmingSpaces()) }
        guard !parts.isEmpty, parts.allSatisfy(Slug.isValid) else { return nil }
        var seen: Set<String> = []
        return parts.filter { seen.insert($0).inserted }
    }

    private static func cleanTitle(_ title: Substring) -> String {
        var out = title.trimmingSpaces()
        while out.hasSuffix(".") || out.hasSuffix(":") { out = out.dropLast() }
        return String(out)
    }
}
