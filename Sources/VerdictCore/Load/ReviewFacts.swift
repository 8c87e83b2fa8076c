import Yams

/// Facts readers look for in a review's facts box: context window, license, open weights, knowledge cutoff
/// and links (model page, API docs, paper). All optional; each wrong type is reported at its own
/// line and column.
public struct ReviewFacts: Sendable, Hashable {
    public struct Link: Sendable, Hashable {
        public let title: String
        /// `https://…`, `http://…` or a root-relative site path (`/benchmarks/methodology/`).
        public let url: String
    }

    /// Context window in tokens.
    public var context: Int?
    public var license: String?
    public var openWeights: Bool?
    public var knowledgeCutoff: DayOrMonth?
    public var links: [Link] = []

    static let fields = ["context", "license", "openWeights", "knowledgeCutoff", "links"]

    static func decode(_ fields: inout YAMLFields) -> ReviewFacts {
        var facts = ReviewFacts()
        if let node = fields.value("context") {
            if case .scalar = node, let tokens = node.int, tokens > 0 { facts.context = tokens } else {
                fields.error(at: node, "`context` must be the context window in tokens, a whole number such as 128000, found \(YAMLFields.describe(node))")
            }
        }
        if let node = fields.value("license") {
            if fields.isText(node) { facts.license = fields.string("license") } else {
                fields.error(at: node, "`license` must be text such as \"Apache-2.0\" or \"proprietary\", found \(YAMLFields.describe(node))")
            }
        }
        if let node = fields.value("openWeights") {
            if case .scalar = node, let flag = node.bool { facts.openWeights = flag } else {
                fields.error(at: node, "`openWeights` must be true or false, found \(YAMLFields.describe(node))")
            }
        }
        if let node = fields.value("knowledgeCutoff") {
            if case .scalar(let scalar) = node, let date = DayOrMonth(scalar.string) { facts.knowledgeCutoff = date } else {
                fields.error(at: node, "`knowledgeCutoff` must be a month (YYYY-MM) or a date (YYYY-MM-DD), found \(YAMLFields.describe(node))")
            }
        }
        if let node = fields.value("links") { facts.links = links(node, in: &fields) }
        return facts
    }

    private static func links(_ node: Node, in fields: inout YAMLFields) -> [Link] {
        let shape = "a list of `title:` and `url:` pairs (`- title: Model card` then `  url: https://…`)"
        guard case .sequence(let sequence) = node else {
            fields.error(at: node, "`links` must be \(shape), found \(YAMLFields.describe(node))")
            return []
        }
        var out: [Link] = []
        for entry in sequence {
            guard case .mapping(let mapping) = entry else {
                fields.error(at: entry, "each entry of `links` must have `title:` and `url:`, found \(YAMLFields.describe(entry))")
                continue
            }
            var title: String?, url: String?
            var reported = false
            for pair in mapping {
                let key = pair.key.string ?? ""
                guard key == "title" || key == "url" else {
                    fields.error(at: pair.key, "a link has only `title:` and `url:`, found `\(key)`")
                    reported = true
                    continue
                }
                guard fields.isText(pair.value), let text = pair.value.string?.trimmingSpacesAndNewlines(), !text.isEmpty else {
                    fields.error(at: pair.value, "a link's `\(key)` must be text, found \(YAMLFields.describe(pair.value))")
                    reported = true
                    continue
                }
                if key == "title" { title = String(text) } else if isLinkTarget(text) { url = String(text) } else {
                    fields.error(at: pair.value, "a link's `url` must start with https://, http:// or / (a page of this site), found \"\(text)\"")
                    reported = true
                }
            }
            if let title, let url { out.append(Link(title: title, url: url)) } else if !reported {
                let missing = [title == nil ? "`title:`" : nil, url == nil ? "`url:`" : nil].compactMap { $0 }
                fields.error(at: entry, "a link needs \(missing.joined(separator: " and "))")
            }
        }
        return out
    }

    private static func isLinkTarget(_ text: Substring) -> Bool {
        text.hasPrefix("https://") || text.hasPrefix("http://") || (text.hasPrefix("/") && !text.hasPrefix("//"))
    }
}

extension YAMLFields {
    /// An error at the node's own line and column, for fields whose value can sit anywhere on the line.
    mutating func error(at node: Node, _ message: String) {
        diagnostics.append(contentsOf: [Diagnostic(path: path, line: line(of: node), column: node.mark?.column ?? 1, message)])
    }

    /// A scalar that YAML does not read as a number or boolean: `license: 2024` is a slip, not a license.
    func isText(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node else { return false }
        return !(scalar.style == .plain && (node.bool != nil || node.int != nil || node.float != nil))
    }
}
