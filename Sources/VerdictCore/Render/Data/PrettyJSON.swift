private let newline = UInt8(ascii: "\n")

/// A JSON value for the data downloads, written by `PrettyJSON`.
indirect enum DataJSON: Sendable {
    case string(String)
    case int(Int)
    case double(Double)
    case null
    case array([DataJSON])
    /// Fields in any order: they are written sorted.
    case object([(key: String, value: DataJSON)])

    static func orNull(_ text: String?) -> DataJSON { text.map { .string($0) } ?? .null }
    static func orNull(_ number: Int?) -> DataJSON { number.map { .int($0) } ?? .null }
    static func strings(_ texts: [String]) -> DataJSON { .array(texts.map { .string($0) }) }
}

/// JSON laid out byte for byte as JSONEncoder writes it with `[.sortedKeys, .prettyPrinted,
/// .withoutEscapingSlashes]`, which made the data downloads until JSONEncoder's coding machinery and
/// whole-document tree showed in profiles (8.5% of a one-review edit build, and 74 MB of peak memory for
/// the 46 MB `models.json` of 10,000 reviews with three alternatives each). JSONEncoder's layout, kept
/// so the files do not change: two spaces per level, `"key" : value`, keys sorted by their UTF-8 bytes
/// (as swift-foundation sorts them off Apple platforms), an empty array or object as its brackets
/// around a blank line, a Double as Swift's `description` without a trailing `.0` (`-0` for negative
/// zero, `1e+16`), strings through `JSONString.literal` (no escaped slashes). `PrettyJSONTests` compares
/// both on odd values.
struct PrettyJSON {
    private(set) var bytes: [UInt8] = []

    /// A whole file: the value and a final newline.
    static func file(_ value: DataJSON) -> [UInt8] {
        var json = PrettyJSON()
        json.write(value, level: 0)
        json.bytes.append(newline)
        return json.bytes
    }

    /// A whole file whose top-level object holds `fields` and, under `key`, an array of `elements`,
    /// each made, written and dropped in turn: the bytes go to `flush` whenever `chunk` bytes are waiting,
    /// so the file never sits whole in memory.
    static func file(_ fields: [(key: String, value: DataJSON)], streaming key: String, elements: some Sequence<DataJSON>,
                     chunk: Int = 1 << 16, flush: ([UInt8]) -> Void) {
        var json = PrettyJSON()
        json.bytes.reserveCapacity(chunk + chunk / 4)
        let placeholder = (key: key, value: DataJSON.null)
        json.bytes.append(UInt8(ascii: "{"))
        json.bytes.append(newline)
        for (index, field) in sorted(fields + [placeholder]).enumerated() {
            if index > 0 { json.bytes.append(contentsOf: [UInt8(ascii: ","), newline]) }
            json.key(field.key, level: 1)
            guard field.key == key else {
                json.write(field.value, level: 1)
                continue
            }
            json.bytes.append(UInt8(ascii: "["))
            var first = true
            for element in elements {
                json.bytes.append(contentsOf: first ? [newline] : [UInt8(ascii: ","), newline])
                first = false
                json.indent(2)
                json.write(element, level: 2)
                if json.bytes.count >= chunk {
                    flush(json.bytes)
                    json.bytes.removeAll(keepingCapacity: true)
                }
            }
            if first { json.bytes.append(newline) }
            json.bytes.append(newline)
            json.indent(1)
            json.bytes.append(UInt8(ascii: "]"))
        }
        json.bytes.append(newline)
        json.bytes.append(contentsOf: [UInt8(ascii: "}"), newline])
        flush(json.bytes)
    }

    /// `value`, starting where the cursor is, on a line indented `level` times.
    mutating func write(_ value: DataJSON, level: Int) {
        switch value {
        case .string(let text): bytes.append(contentsOf: JSONString.literal(text).utf8)
        case .int(let number): bytes.append(contentsOf: number.description.utf8)
        case .double(let number): bytes.append(contentsOf: Self.number(number).utf8)
        case .null: bytes.append(contentsOf: "null".utf8)
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            bytes.append(newline)
            for (index, element) in elements.enumerated() {
                if index > 0 { bytes.append(contentsOf: [UInt8(ascii: ","), newline]) }
                indent(level + 1)
                write(element, level: level + 1)
            }
            close("]", level: level)
        case .object(let fields):
            bytes.append(UInt8(ascii: "{"))
            bytes.append(newline)
            for (index, field) in Self.sorted(fields).enumerated() {
                if index > 0 { bytes.append(contentsOf: [UInt8(ascii: ","), newline]) }
                key(field.key, level: level + 1)
                write(field.value, level: level + 1)
            }
            close("}", level: level)
        }
    }

    /// JSONEncoder's Double: Swift's shortest round-tripping `description`, less a trailing `.0`. JSONEncoder
    /// refuses infinities and NaN; no input can hold them (snapshots are JSON), and they are written as `null`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        let text = value.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    private static func sorted(_ fields: [(key: String, value: DataJSON)]) -> [(key: String, value: DataJSON)] {
        fields.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    }

    private mutating func key(_ key: String, level: Int) {
        indent(level)
        bytes.append(contentsOf: JSONString.literal(key).utf8)
        bytes.append(contentsOf: " : ".utf8)
    }

    /// An empty array or object gets a blank line: its opening line break and this one.
    private mutating func close(_ bracket: Unicode.Scalar, level: Int) {
        bytes.append(newline)
        indent(level)
        bytes.append(UInt8(ascii: bracket))
    }

    private mutating func indent(_ level: Int) {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }
}
