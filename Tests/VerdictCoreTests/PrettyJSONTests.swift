import Foundation
import Testing
@testable import VerdictCore

/// Encodes a `DataJSON` tree through JSONEncoder, which wrote the data downloads before `PrettyJSON`.
private struct ThroughEncoder: Encodable {
    let value: DataJSON

    struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        switch value {
        case .string(let text):
            var container = encoder.singleValueContainer()
            try container.encode(text)
        case .int(let number):
            var container = encoder.singleValueContainer()
            try container.encode(number)
        case .double(let number):
            var container = encoder.singleValueContainer()
            try container.encode(number)
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .array(let elements):
            var container = encoder.unkeyedContainer()
            for element in elements { try container.encode(ThroughEncoder(value: element)) }
        case .object(let fields):
            var container = encoder.container(keyedBy: Key.self)
            for field in fields { try container.encode(ThroughEncoder(value: field.value), forKey: Key(stringValue: field.key)) }
        }
    }

    static func file(_ value: DataJSON) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return Array(try encoder.encode(ThroughEncoder(value: value))) + [UInt8(ascii: "\n")]
    }
}

@Suite("PrettyJSON: the data downloads' JSON, byte for byte what JSONEncoder writes")
struct PrettyJSONTests {
    static let strings = [
        "", "plain", "quote \" and backslash \\", "slash / and </script>", "line\nbreak\r\ttab", "\u{0}\u{1}\u{8}\u{B}\u{C}\u{1F}\u{7F}",
        "é unicode 😀 and e\u{301} combining", "\u{2028}\u{2029} separators", "<>&'", "ends with \\",
    ]

    static let doubles: [Double] = [
        0, -0.0, 1, -1, 1.5, -3.25, 0.1 + 0.2, 85, 1.21, 1e16, 1e-7, 123_456_789_012_345_680, 4.0e15, 0.000_01,
        Double.greatestFiniteMagnitude, Double.leastNonzeroMagnitude, Double.leastNormalMagnitude, 2.5e-308, 100, 99.999,
    ]

    static let ints = [0, 1, -1, 42, Int.max, Int.min]

    static var oddValues: DataJSON {
        .object([
            ("strings", .array(strings.map { .string($0) })),
            ("doubles", .array(doubles.map { .double($0) })),
            ("ints", .array(ints.map { .int($0) })),
            ("nulls", .array([.null, .orNull(nil as String?), .orNull(nil as Int?), .orNull(7), .orNull("x")])),
            ("empty array", .array([])),
            ("empty object", .object([])),
            ("nested", .array([.array([]), .object([]), .array([.array([.object([("k", .array([]))])])])])),
            // Sorted by UTF-8 bytes: upper case before lower, `a10` before `a9`, non-ASCII last.
            ("keys", .object(["b", "a", "B", "_", "a10", "a9", "é", "Z", "", "a b", "a-b", "a_b", "😀", "\"q\"", "x/y"]
                .map { ($0, .string($0)) })),
            ("scores", .object(doubles.enumerated().map { ("metric-\($0.offset)", .double($0.element)) })),
        ] + strings.map { ($0, .string($0)) })
    }

    @Test func oddValuesAreWrittenAsJSONEncoderWritesThem() throws {
        let value = Self.oddValues
        let written = PrettyJSON.file(value)
        let expected = try ThroughEncoder.file(value)
        #expect(written == expected, "\(String(decoding: written, as: UTF8.self))\n---\n\(String(decoding: expected, as: UTF8.self))")
    }

    @Test(arguments: [DataJSON.string("top"), .int(-5), .double(-0.0), .null, .array([]), .object([])])
    func topLevelValues(value: DataJSON) throws {
        #expect(PrettyJSON.file(value) == (try ThroughEncoder.file(value)))
    }

    @Test func doublesMatchOneByOne() throws {
        for number in Self.doubles {
            let expected = try ThroughEncoder.file(.double(number)).dropLast()
            #expect(Array(PrettyJSON.number(number).utf8) == Array(expected), "\(number)")
        }
    }

    /// The streamed form of a document is the whole document, in chunks of any size.
    @Test(arguments: [0, 1, 3], [1, 7, 1 << 16])
    func streamingAnArrayWritesTheWholeDocument(count: Int, chunk: Int) throws {
        let elements = Array((Self.oddValues.fields ?? []).prefix(count).map { DataJSON.object([$0]) })
        let fields: [(key: String, value: DataJSON)] = [("version", .int(1)), ("site", .string("https://x.example/")), ("zzz", .array([]))]
        var chunks: [[UInt8]] = []
        PrettyJSON.file(fields, streaming: "models", elements: elements, chunk: chunk) { chunks.append($0) }
        let whole = try ThroughEncoder.file(.object(fields + [("models", .array(elements))]))
        #expect(chunks.flatMap { $0 } == whole)
        if count == 3 && chunk == 1 { #expect(chunks.count > 3, "flushed as it goes") }
    }

    @Test func jsonStringFastPathMatchesTheEscapingPath() {
        for text in Self.strings + ["plain ascii", "ünïcödé", "a<b", "😀"] {
            #expect(JSONString.literal(text) == "\"" + Self.escapedScalarByScalar(text) + "\"")
        }
        #expect(JSONString.literal("a<b&c>", scriptSafe: true) == "\"a\\u003cb\\u0026c\\u003e\"")
        #expect(JSONString.literal("a<b&c>") == "\"a<b&c>\"")
    }

    private static func escapedScalarByScalar(_ text: String) -> String {
        text.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "\"": "\\\""
            case "\\": "\\\\"
            case "\u{08}": "\\b"
            case "\u{0C}": "\\f"
            case "\n": "\\n"
            case "\r": "\\r"
            case "\t": "\\t"
            case "\u{00}"..."\u{1F}": String(format: "\\u%04x", scalar.value)
            default: String(scalar)
            }
        }.joined()
    }
}

private extension DataJSON {
    var fields: [(key: String, value: DataJSON)]? {
        if case .object(let fields) = self { fields } else { nil }
    }
}
