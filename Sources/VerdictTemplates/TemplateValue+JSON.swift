import Foundation

extension TemplateValue {
    /// A value from any JSON text, a top-level string or number included. Objects keep their keys (the
    /// last of duplicates wins); numbers keep the text they were written with, so `1.21` prints as
    /// `1.21` and `85` as `85`.
    public init(json: Data) throws(TemplateJSONError) {
        var reader = JSONReader(bytes: [UInt8](json))
        self = try reader.document()
    }
}

/// A small JSON reader of its own, because JSONSerialization forgets how a number was written.
private struct JSONReader {
    /// Nesting deeper than this is refused rather than risking the stack.
    static let maximumDepth = 512

    let bytes: [UInt8]
    var index = 0
    var depth = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
        // A UTF-8 byte order mark is tolerated, as JSONSerialization does.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    mutating func document() throws(TemplateJSONError) -> TemplateValue {
        let value = try self.value()
        skipWhitespace()
        guard index == bytes.count else { throw failure("unexpected text after the JSON value") }
        return value
    }

    private mutating func value() throws(TemplateJSONError) -> TemplateValue {
        skipWhitespace()
        guard index < bytes.count else { throw failure("unexpected end of JSON: a value is missing") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try list()
        case UInt8(ascii: "\""): return .text(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw failure("unexpected character: a JSON value starts with {, [, \", a digit, -, true, false or null")
        }
    }

    private mutating func object() throws(TemplateJSONError) -> TemplateValue {
        try enter()
        index += 1
        var fields: [String: TemplateValue] = [:]
        skipWhitespace()
        if peek(UInt8(ascii: "}")) {
            index += 1
            depth -= 1
            return .object(TemplateObject(fields))
        }
        while true {
            skipWhitespace()
            guard peek(UInt8(ascii: "\"")) else { throw failure("expected a key in quotes") }
            let key = try string()
            skipWhitespace()
            guard peek(UInt8(ascii: ":")) else { throw failure("expected : after a key") }
            index += 1
            fields[key] = try value()
            skipWhitespace()
            if peek(UInt8(ascii: ",")) { index += 1; continue }
            guard peek(UInt8(ascii: "}")) else { throw failure("expected , or } in an object") }
            index += 1
            depth -= 1
            return .object(TemplateObject(fields))
        }
    }

    private mutating func list() throws(TemplateJSONError) -> TemplateValue {
        try enter()
        index += 1
        var items: [TemplateValue] = []
        skipWhitespace()
        if peek(UInt8(ascii: "]")) {
            index += 1
            depth -= 1
            return .list(items)
        }
        while true {
            items.append(try value())
            skipWhitespace()
            if peek(UInt8(ascii: ",")) { index += 1; continue }
            guard peek(UInt8(ascii: "]")) else { throw failure("expected , or ] in a list") }
            index += 1
            depth -= 1
            return .list(items)
        }
    }

    private mutating func enter() throws(TemplateJSONError) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw failure("JSON nested more than \(Self.maximumDepth) deep") }
    }

    private mutating func string() throws(TemplateJSONError) -> String {
        index += 1
        var out: [UInt8] = []
        var runStart = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                out += bytes[runStart..<index]
                index += 1
                return String(decoding: out, as: UTF8.self)
            }
            if byte < 0x20 { throw failure("control character in a string: write it as an escape such as \\n") }
            if byte == UInt8(ascii: "\\") {
                out += bytes[runStart..<index]
                index += 1
                try escape(into: &out)
                runStart = index
                continue
            }
            index += 1
        }
        throw failure("unclosed string")
    }

    private mutating func escape(into out: inout [UInt8]) throws(TemplateJSONError) {
        guard index < bytes.count else { throw failure("unclosed string") }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(byte)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hex4()
            if (0xD800..<0xDC00).contains(scalar), bytes[index...].starts(with: Array("\\u".utf8)) {
                let resume = index
                index += 2
                let low = try hex4()
                if (0xDC00..<0xE000).contains(low) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    index = resume
                }
            }
            // A lone surrogate becomes U+FFFD, as it cannot be UTF-8.
            out += Array(String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8)
        default:
            index -= 1
            throw failure("unknown escape \\\(String(decoding: [byte], as: UTF8.self)) in a string")
        }
    }

    private mutating func hex4() throws(TemplateJSONError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw failure("\\u needs four hexadecimal digits") }
        var value: UInt32 = 0
        for byte in bytes[index..<index + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("\\u needs four hexadecimal digits")
            }
            value = value << 4 | UInt32(digit)
        }
        index += 4
        return value
    }

    /// JSON's number grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private mutating func number() throws(TemplateJSONError) -> TemplateValue {
        let start = index
        if peek(UInt8(ascii: "-")) { index += 1 }
        if peek(UInt8(ascii: "0")) {
            index += 1
        } else if digits() == 0 {
            throw failure("a number needs digits")
        }
        if peek(UInt8(ascii: ".")) {
            index += 1
            guard digits() > 0 else { throw failure("a number needs digits after its decimal point") }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            index += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { index += 1 }
            guard digits() > 0 else { throw failure("a number needs digits in its exponent") }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        return .number(Double(text) ?? .nan, text: text)
    }

    private mutating func digits() -> Int {
        let start = index
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        return index - start
    }

    private mutating func literal(_ word: String) throws(TemplateJSONError) {
        let expected = Array(word.utf8)
        guard bytes[index...].starts(with: expected) else { throw failure("unexpected word: expected \(word)") }
        index += expected.count
    }

    private func peek(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }

    private mutating func skipWhitespace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
            index += 1
        }
    }

    private func failure(_ message: String) -> TemplateJSONError {
        let place = sourceLocation(of: index, in: bytes)
        return TemplateJSONError(line: place.line, column: place.column, message: message)
    }
}
