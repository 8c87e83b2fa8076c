/// The front matter of a review, decoded and validated.
public struct ReviewMeta: Sendable {
    public var title: String
    /// The model id used in benchmark snapshots.
    public var model: String
    public var vendor: String
    /// Date of the last technical review.
    public var reviewed: Day
    public var family: String?
    public var tier: String?
    public var released: Day?
    public var published: Day
    public var summary: String?
    public var alternatives: [Located<String>]
    /// Other ids snapshots use for this model (`meta-llama/Meta-Llama-3-8B` as an importer writes it);
    /// `Assembler` files their results under `model`.
    public var aliases: [Located<String>]
    public var draft: Bool
    /// Context window, license, weights, knowledge cutoff and links, for the facts box.
    public var facts = ReviewFacts()
    /// File line of each front-matter field, so later checks can point at it.
    public var fieldLines: [String: Int]
}

/// A value and the source line (and column) it came from.
public struct Located<Value: Sendable>: Sendable {
    public let value: Value
    public let line: Int
    public let column: Int

    init(value: Value, line: Int, column: Int = 1) {
        self.value = value
        self.line = line
        self.column = column
    }
}

/// A Markdown file split into decoded front matter and its body, before Markdown parsing.
public struct ReviewSource: Sendable {
    public let slug: String
    /// The source file as shown in diagnostics. Only the path is kept, not the file's text: the body
    /// below is all later stages read, and 10,000 reviews would otherwise sit in memory twice.
    public let path: String
    public let meta: ReviewMeta
    public let body: String
    public let bodyLine: Int
    /// What a rebuild compares before building any page (see `PageInputKeys`): the front matter as
    /// written (with the slug and path), and that together with the body.
    public let hashes: ReviewHashes

    static let requiredFields = ["title", "model", "vendor", "reviewed"]
    static let optionalFields = ["family", "tier", "released", "published", "summary", "alternatives", "aliases", "draft"]

    static func decode(_ file: SourceFile, slug: String) -> (ReviewSource?, [Diagnostic]) {
        let split: FrontMatterSplit
        var fields: YAMLFields
        do {
            split = try FrontMatterSplit.split(file)
            guard let yaml = split.yaml else {
                return (nil, [Diagnostic(path: file.path, line: 1,
                                         "a review must start with front matter: a line with ---, the fields \(requiredFields.joined(separator: ", ")), then another ---")])
            }
            fields = try YAMLFields(yaml: yaml, path: file.path, firstLine: split.yamlLine)
        } catch {
            return (nil, [error])
        }
        let title = fields.string("title", required: true)
        let model = fields.string("model", required: true)
        let vendor = fields.string("vendor", required: true)
        let reviewed = fields.day("reviewed", required: true)
        let family = fields.string("family")
        let tier = fields.string("tier")
        let released = fields.day("released")
        let published = fields.day("published")
        let summary = fields.string("summary")
        let alternatives = fields.stringList("alternatives").map { Located(value: $0.value, line: $0.line) }
        let aliases = fields.stringList("aliases").map { Located(value: String($0.value.trimmingSpaces()), line: $0.line, column: $0.column) }
        let draft = fields.bool("draft") ?? false
        let facts = ReviewFacts.decode(&fields)
        var lines: [String: Int] = [:]
        let known = requiredFields + optionalFields + ReviewFacts.fields
        for (key, line) in fields.keys {
            lines[key] = line
            if !known.contains(key) {
                let hint = Suggest.nearest(to: key, in: known).map { "; did you mean `\($0)`?" } ?? ""
                fields.diagnostics.warning(file.path, line, "unknown front-matter field `\(key)` is ignored\(hint)")
            }
        }
        guard !fields.diagnostics.hasErrors, let title, let model, let vendor, let reviewed else {
            return (nil, fields.diagnostics.items)
        }
        let meta = ReviewMeta(title: title, model: model, vendor: vendor, reviewed: reviewed, family: family,
                              tier: tier, released: released, published: published ?? reviewed, summary: summary,
                              alternatives: alternatives, aliases: aliases, draft: draft, facts: facts, fieldLines: lines)
        let hashes = ReviewHashes(slug: slug, path: file.path, yaml: split.yaml ?? "", yamlLine: split.yamlLine,
                                  body: split.body, bodyLine: split.bodyLine)
        return (ReviewSource(slug: slug, path: file.path, meta: meta, body: split.body, bodyLine: split.bodyLine, hashes: hashes),
                fields.diagnostics.items)
    }
}

/// A Markdown page with a title: a free page or a use-case intro.
public struct PageSource: Sendable {
    public let file: SourceFile
    public let title: String
    public let description: String?
    public let body: String
    public let bodyLine: Int

    static func decode(_ file: SourceFile) -> (PageSource?, [Diagnostic]) {
        do {
            let split = try FrontMatterSplit.split(file)
            guard let yaml = split.yaml else {
                return (nil, [Diagnostic(path: file.path, line: 1, "a page must start with front matter holding at least `title:` between two --- lines")])
            }
            var fields = try YAMLFields(yaml: yaml, path: file.path, firstLine: split.yamlLine)
            let title = fields.string("title", required: true)
            let description = fields.string("description")
            guard fields.diagnostics.items.isEmpty, let title else { return (nil, fields.diagnostics.items) }
            return (PageSource(file: file, title: title, description: description, body: split.body, bodyLine: split.bodyLine), [])
        } catch {
            return (nil, [error])
        }
    }
}
