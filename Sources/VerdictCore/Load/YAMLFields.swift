import Yams

/// Typed access to a YAML mapping that records a located diagnostic for every bad field
/// instead of stopping at the first one.
struct YAMLFields {
    let path: String
    /// File line of the first YAML line; Yams counts from 1 within the YAML text.
    let lineOffset: Int
    private let mapping: Node.Mapping
    /// Values by key text. `Node.Mapping`'s own subscript scans every pair and resolves the tags of the
    /// match through Yams' regular expressions, for each of the two or three lookups of every field
    /// (about 2% of a 10,000-review build).
    private let values: [String: Node]
    private let mappingLine: Int
    var diagnostics = DiagnosticList()

    /// Parses `yaml`; a syntax error or a non-mapping document becomes a diagnostic. `document` names
    /// the YAML in messages ("the front matter", "site.yml").
    init(yaml: String, path: String, firstLine: Int, document: String = "the front matter") throws(Diagnostic) {
        self.path = path
        self.lineOffset = firstLine - 1
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw YAMLHints.diagnostic(for: error, yaml: yaml, document: document, path: path, lineOffset: firstLine - 1)
        } catch {
            throw Diagnostic(path: path, line: firstLine, "\(document) is not valid YAML: \(error)")
        }
        switch node {
        case .mapping(let mapping)?:
            self.mapping = mapping
            // The last of equal keys wins, as in `Node.Mapping`'s subscript (Yams refuses true duplicates).
            self.values = Dictionary(mapping.compactMap { pair in pair.key.string.map { ($0, pair.value) } },
                                     uniquingKeysWith: { _, last in last })
            self.mappingLine = (node?.mark?.line ?? 1) + firstLine - 1
        case nil:
            self.mapping = Node.Mapping([])
            self.values = [:]
            self.mappingLine = firstLine
        case let other?:
            throw Diagnostic(path: path, line: (other.mark?.line ?? 1) + firstLine - 1,
                             "expected `key: value` lines, found \(YAMLFields.describe(other))")
        }
    }

    var keys: [(key: String, line: Int)] {
        mapping.compactMap { pair in pair.key.string.map { ($0, line(of: pair.key)) } }
    }

    func line(of node: Node) -> Int { (node.mark?.line ?? 1) + lineOffset }

    func line(of key: String) -> Int { values[key].map(line(of:)) ?? mappingLine }

    func value(_ key: String) -> Node? {
        guard let node = values[key] else { return nil }
        if case .scalar(let scalar) = node, scalar.style == .plain, node.null != nil { return nil }
        return node
    }

    /// Text field. Plain numbers and booleans are refused: `title: 2024` is almost always a slip.
    mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let node = value(key) else {
            if required { diagnostics.error(path, mappingLine, "missing required field `\(key)`") }
            return nil
        }
        guard case .scalar(let scalar) = node else {
            diagnostics.error(path, line(of: node), "`\(key)` must be text, found \(YAMLFields.describe(node))")
            return nil
        }
        if scalar.style == .plain, node.bool != nil || node.int != nil || node.float != nil {
            diagnostics.error(path, line(of: node),
                              "`\(key)` must be text, found \(YAMLFields.describe(node)); put it in quotes if you mean the text \"\(scalar.string)\"")
            return nil
        }
        let text = String(scalar.string.trimmingSpacesAndNewlines())
        if text.isEmpty {
            diagnostics.error(path, line(of: node), "`\(key)` is empty")
            return nil
        }
        return text
    }

    mutating func day(_ key: String, required: Bool = false) -> Day? {
        guard let node = value(key) else {
            if required { diagnostics.error(path, mappingLine, "missing required field `\(key)` (a date, YYYY-MM-DD)") }
            return nil
        }
        guard case .scalar(let scalar) = node, let day = Day(scalar.string) else {
            diagnostics.error(path, line(of: node),
                              "`\(key)` must be a real date written YYYY-MM-DD, found \(YAMLFields.describe(node))")
            return nil
        }
        return day
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let node = value(key) else { return nil }
        guard case .scalar = node, let flag = node.bool else {
            diagnostics.error(path, line(of: node), "`\(key)` must be true or false, found \(YAMLFields.describe(node))")
            return nil
        }
        return flag
    }

    mutating func int(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let node = value(key) else { return nil }
        guard case .scalar = node, let number = node.int, range.contains(number) else {
            diagnostics.error(path, line(of: node),
                              "`\(key)` must be a whole number from \(range.lowerBound) to \(range.upperBound), found \(YAMLFields.describe(node))")
            return nil
        }
        return number
    }

    /// A list of text items; a single text value is refused so `alternatives: a, b` is not misread.
    mutating func stringList(_ key: String) -> [(value: String, line: Int, column: Int)] {
        guard let node = value(key) else { return [] }
        guard case .sequence(let sequence) = node else {
            diagnostics.error(path, line(of: node),
                              "`\(key)` must be a list (one `- item` per line, or [a, b]), found \(YAMLFields.describe(node))")
            return []
        }
        var out: [(String, Int, Int)] = []
        for element in sequence {
            guard case .scalar(let scalar) = element, !scalar.string.isEmpty else {
                diagnostics.error(path, line(of: element), "each entry of `\(key)` must be text, found \(YAMLFields.describe(element))")
                continue
            }
            out.append((scalar.string, line(of: element), element.mark?.column ?? 1))
        }
        return out
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if scalar.style == .plain {
                if node.bool != nil { return "the boolean \(scalar.string)" }
                if node.int != nil || node.float != nil { return "the number \(scalar.string)" }
            }
            return "\"\(scalar.string)\""
        }
    }
}
