import VerdictMarkdown

/// A parsed review (and the diagnostics its decoding gave) as bytes, for the review cache
/// (`ReviewCache`). Hand-written rather than Codable: the build decodes 10,000 of these in the time a
/// cmark pass over a few hundred would take, and JSON through Foundation's decoder was measured 4.5×
/// slower than the project's own JSON reader (README, **Rebuilds**). Integers are LEB128 varints,
/// strings a varint length then UTF-8, optionals a 0/1 byte then the value. Every read checks the
/// bounds, so damaged bytes throw instead of crashing; `ReviewCache` also checksums each entry.
/// Change `ReviewCache.formatVersion` whenever this layout or the fields of `Review` change.
enum ReviewCodec {
    struct Damaged: Error {}

    static func encode(_ review: Review, diagnostics: [Diagnostic], into out: inout ByteWriter) {
        out.string(review.slug)
        out.string(review.path)
        encode(review.meta, into: &out)
        out.string(review.introHTML)
        out.int(review.bodyLine)
        out.int(review.sections.count)
        for section in review.sections { encode(section, into: &out) }
        out.string(review.summary)
        out.int(review.links.count)
        for link in review.links {
            out.string(link.destination)
            out.int(link.line)
            out.bool(link.isImage)
            out.string(link.text)
        }
        // Sorted so equal reviews give equal bytes (a Set's order differs from process to process).
        out.strings(review.anchors.sorted())
        out.word(review.hashes.frontMatter)
        out.word(review.hashes.source)
        out.int(diagnostics.count)
        for diagnostic in diagnostics {
            out.string(diagnostic.path)
            out.optional(diagnostic.line) { $0.int($1) }
            out.optional(diagnostic.column) { $0.int($1) }
            out.string(diagnostic.severity.rawValue)
            out.string(diagnostic.message)
        }
    }

    static func decode(_ input: inout ByteReader) throws(Damaged) -> (Review, [Diagnostic]) {
        let slug = try input.string()
        let path = try input.string()
        let meta = try decodeMeta(&input)
        let introHTML = try input.string()
        let bodyLine = try input.int()
        var sections: [Section] = []
        for _ in 0..<(try input.count()) { sections.append(try decodeSection(&input)) }
        let summary = try input.string()
        var links: [MarkdownLink] = []
        for _ in 0..<(try input.count()) {
            links.append(MarkdownLink(destination: try input.string(), line: try input.int(), isImage: try input.bool(),
                                      text: try input.string()))
        }
        let anchors = Set(try input.strings())
        let hashes = ReviewHashes(frontMatter: try input.word(), source: try input.word())
        var diagnostics: [Diagnostic] = []
        for _ in 0..<(try input.count()) {
            let path = try input.string()
            let line = try input.optional { (input: inout ByteReader) throws(Damaged) in try input.int() }
            let column = try input.optional { (input: inout ByteReader) throws(Damaged) in try input.int() }
            guard let severity = Diagnostic.Severity(rawValue: try input.string()) else { throw Damaged() }
            let message = try input.string()
            if let line {
                diagnostics.append(Diagnostic(path: path, line: line, column: column ?? 1, severity: severity, message))
            } else {
                diagnostics.append(Diagnostic(path: path, severity: severity, message))
            }
        }
        let review = Review(slug: slug, path: path, meta: meta, introHTML: introHTML, bodyLine: bodyLine, sections: sections,
                            summary: summary, links: links, anchors: anchors, hashes: hashes)
        return (review, diagnostics)
    }

    private static func encode(_ meta: ReviewMeta, into out: inout ByteWriter) {
        out.string(meta.title)
        out.string(meta.model)
        out.string(meta.vendor)
        out.day(meta.reviewed)
        out.optional(meta.family) { $0.string($1) }
        out.optional(meta.tier) { $0.string($1) }
        out.optional(meta.released) { $0.day($1) }
        out.day(meta.published)
        out.optional(meta.summary) { $0.string($1) }
        for list in [meta.alternatives, meta.aliases] {
            out.int(list.count)
            for located in list {
                out.string(located.value)
                out.int(located.line)
                out.int(located.column)
            }
        }
        out.bool(meta.draft)
        let facts = meta.facts
        out.optional(facts.context) { $0.int($1) }
        out.optional(facts.license) { $0.string($1) }
        out.optional(facts.openWeights) { $0.bool($1) }
        out.optional(facts.knowledgeCutoff) { out, date in
            switch date {
            case .day(let day): out.bool(true); out.day(day)
            case .month(let first): out.bool(false); out.day(first)
            }
        }
        out.int(facts.links.count)
        for link in facts.links {
            out.string(link.title)
            out.string(link.url)
        }
        let lines = meta.fieldLines.sorted { $0.key < $1.key }
        out.int(lines.count)
        for (key, line) in lines {
            out.string(key)
            out.int(line)
        }
    }

    private static func decodeMeta(_ input: inout ByteReader) throws(Damaged) -> ReviewMeta {
        let title = try input.string(), model = try input.string(), vendor = try input.string()
        let reviewed = try input.day()
        let family = try input.optional { (input: inout ByteReader) throws(Damaged) in try input.string() }
        let tier = try input.optional { (input: inout ByteReader) throws(Damaged) in try input.string() }
        let released = try input.optional { (input: inout ByteReader) throws(Damaged) in try input.day() }
        let published = try input.day()
        let summary = try input.optional { (input: inout ByteReader) throws(Damaged) in try input.string() }
        var lists: [[Located<String>]] = []
        for _ in 0..<2 {
            var list: [Located<String>] = []
            for _ in 0..<(try input.count()) {
                list.append(Located(value: try input.string(), line: try input.int(), column: try input.int()))
            }
            lists.append(list)
        }
        let draft = try input.bool()
        var facts = ReviewFacts()
        facts.context = try input.optional { (input: inout ByteReader) throws(Damaged) in try input.int() }
        facts.license = try input.optional { (input: inout ByteReader) throws(Damaged) in try input.string() }
        facts.openWeights = try input.optional { (input: inout ByteReader) throws(Damaged) in try input.bool() }
        facts.knowledgeCutoff = try input.optional { (input: inout ByteReader) throws(Damaged) -> DayOrMonth in
            try input.bool() ? .day(try input.day()) : .month(try input.day())
        }
        for _ in 0..<(try input.count()) {
            facts.links.append(ReviewFacts.Link(title: try input.string(), url: try input.string()))
        }
        var fieldLines: [String: Int] = [:]
        for _ in 0..<(try input.count()) { fieldLines[try input.string()] = try input.int() }
        return ReviewMeta(title: title, model: model, vendor: vendor, reviewed: reviewed, family: family, tier: tier,
                          released: released, published: published, summary: summary, alternatives: lists[0],
                          aliases: lists[1], draft: draft, facts: facts, fieldLines: fieldLines)
    }

    private static func encode(_ section: Section, into out: inout ByteWriter) {
        out.string(section.id)
        out.string(section.title)
        out.string(section.titleHTML)
        out.string(section.role.rawValue)
        out.int(section.line)
        out.int(section.parts.count)
        for part in section.parts {
            switch part {
            case .html(let html):
                out.bool(false)
                out.string(html)
            case .item(let item):
                out.bool(true)
                out.string(item.anchor)
                out.string(item.title)
                out.strings(item.tags)
                out.string(item.bodyHTML)
                out.int(item.line)
            }
        }
        out.string(section.text)
    }

    private static func decodeSection(_ input: inout ByteReader) throws(Damaged) -> Section {
        let id = try input.string(), title = try input.string(), titleHTML = try input.string()
        guard let role = Section.Role(rawValue: try input.string()) else { throw Damaged() }
        let line = try input.int()
        var parts: [Section.Part] = []
        for _ in 0..<(try input.count()) {
            if try input.bool() {
                parts.append(.item(Item(anchor: try input.string(), title: try input.string(), tags: try input.strings(),
                                        bodyHTML: try input.string(), line: try input.int())))
            } else {
                parts.append(.html(try input.string()))
            }
        }
        return Section(id: id, title: title, titleHTML: titleHTML, role: role, line: line, parts: parts, text: try input.string())
    }
}

/// Appends the codec's primitives to a byte buffer.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func varint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// Zigzag, so a negative number stays short.
    mutating func int(_ value: Int) { varint(UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))) }

    /// Eight bytes, little-endian: hashes, which varints would not shorten.
    mutating func word(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            varint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func strings(_ values: [String]) {
        int(values.count)
        for value in values { string(value) }
    }

    mutating func day(_ day: Day) {
        int(day.year)
        int(day.month)
        int(day.day)
    }

    mutating func optional<Value>(_ value: Value?, _ write: (inout ByteWriter, Value) -> Void) {
        guard let value else { return bool(false) }
        bool(true)
        write(&self, value)
    }
}

/// Reads what `ByteWriter` wrote from a buffer the caller keeps alive, checking every length against it.
struct ByteReader {
    private let buffer: UnsafeRawBufferPointer
    private(set) var offset = 0

    init(_ buffer: UnsafeRawBufferPointer) { self.buffer = buffer }

    var isAtEnd: Bool { offset == buffer.count }

    mutating func byte() throws(ReviewCodec.Damaged) -> UInt8 {
        guard offset < buffer.count else { throw ReviewCodec.Damaged() }
        defer { offset += 1 }
        return buffer[offset]
    }

    mutating func varint() throws(ReviewCodec.Damaged) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw ReviewCodec.Damaged() }
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return value }
            shift += 7
        }
    }

    mutating func int() throws(ReviewCodec.Damaged) -> Int {
        let raw = try varint()
        return Int(truncatingIfNeeded: Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
    }

    /// A count of things that follow, each at least a byte long: more than the bytes left is damage.
    mutating func count() throws(ReviewCodec.Damaged) -> Int {
        let value = try int()
        guard value >= 0, value <= buffer.count - offset else { throw ReviewCodec.Damaged() }
        return value
    }

    mutating func word() throws(ReviewCodec.Damaged) -> UInt64 {
        guard buffer.count - offset >= 8 else { throw ReviewCodec.Damaged() }
        defer { offset += 8 }
        return UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    mutating func bool() throws(ReviewCodec.Damaged) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw ReviewCodec.Damaged()
        }
    }

    mutating func string() throws(ReviewCodec.Damaged) -> String {
        let length = try varint()
        guard length <= UInt64(buffer.count - offset) else { throw ReviewCodec.Damaged() }
        let start = offset
        offset += Int(length)
        guard let text = String(validating: UnsafeRawBufferPointer(rebasing: buffer[start..<offset]), as: UTF8.self) else {
            throw ReviewCodec.Damaged()
        }
        return text
    }

    mutating func strings() throws(ReviewCodec.Damaged) -> [String] {
        var out: [String] = []
        for _ in 0..<(try count()) { out.append(try string()) }
        return out
    }

    /// A date as three numbers, checked as `Day(_:)` checks text.
    mutating func day() throws(ReviewCodec.Damaged) -> Day {
        let year = try int(), month = try int(), day = try int()
        guard (0...9999).contains(year), (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else {
            throw ReviewCodec.Damaged()
        }
        return Day(year: year, month: month, day: day)
    }

    mutating func optional<Value>(_ read: (inout ByteReader) throws(ReviewCodec.Damaged) -> Value) throws(ReviewCodec.Damaged) -> Value? {
        try bool() ? try read(&self) : nil
    }
}

extension Day {
    /// A date already checked (`ByteReader.day`).
    fileprivate init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }
}
