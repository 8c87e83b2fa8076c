import Foundation
import Yams

/// Finds source lines for problems in a JSON file. Foundation's decoder reports key paths, not lines,
/// so the same text is composed with Yams (JSON is YAML-compatible) only when a line is needed.
final class JSONLocator {
    enum Component: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
        case key(String)
        case index(Int)
        init(stringLiteral value: String) { self = .key(value) }
        init(integerLiteral value: Int) { self = .index(value) }
    }

    let file: SourceFile
    private lazy var root: Node? = try? Yams.compose(yaml: file.text)

    init(file: SourceFile) { self.file = file }

    /// Line of the value at `path`, or of the deepest ancestor that exists.
    func line(_ path: [Component]) -> Int {
        guard var node = root else { return fallbackLine(path) }
        var line = node.mark?.line ?? 1
        for component in path {
            let next: Node?
            switch (component, node) {
            case let (.key(key), .mapping(mapping)):
                next = mapping.first { $0.key.string == key }.map { pair in
                    // Point at the key: its value may start on a later line.
                    line = pair.key.mark?.line ?? line
                    return pair.value
                }
            case let (.index(index), .sequence(sequence)) where index < sequence.count:
                next = sequence[index]
            default:
                next = nil
            }
            guard let found = next else { return line }
            node = found
            if case .key = component {} else { line = node.mark?.line ?? line }
        }
        return line
    }

    /// When Yams cannot read the file either, the first line that names the last key is a fair guess.
    private func fallbackLine(_ path: [Component]) -> Int {
        for component in path.reversed() {
            if case .key(let key) = component, let line = lineContaining("\"\(key)\"") { return line }
        }
        return 1
    }

    private func lineContaining(_ needle: String) -> Int? {
        var line = 1
        for text in file.text.split(separator: "\n", omittingEmptySubsequences: false) {
            if text.contains(needle) { return line }
            line += 1
        }
        return nil
    }

    /// Foundation accepts `[1, 2,]`; other JSON tools do not, so such files are refused here.
    lazy var trailingCommaLine: Int? = {
        var pendingCommaLine: Int?
        var found: Int?
        forEachByteOutsideStrings { byte, line in
            switch byte {
            case UInt8(ascii: ","): pendingCommaLine = line
            case UInt8(ascii: "]"), UInt8(ascii: "}"): if let comma = pendingCommaLine { found = comma; return false }
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"): break
            default: pendingCommaLine = nil
            }
            return true
        }
        return found
    }()

    /// Calls `body` with each byte outside string literals (a string's opening quote included) and
    /// its line, until `body` returns false.
    private func forEachByteOutsideStrings(_ body: (UInt8, Int) -> Bool) {
        var line = 1
        var inString = false
        var escaped = false
        for byte in file.text.utf8 {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
            } else {
                if byte == UInt8(ascii: "\"") { inString = true }
                if !body(byte, line) { return }
            }
            if byte == UInt8(ascii: "\n") { line += 1 }
        }
    }

    private lazy var syntaxError: (line: Int, message: String) = {
        do {
            _ = try JSONSerialization.jsonObject(with: Data(file.text.utf8))
            return (1, "the file is not a JSON object")
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            return (line(atCharacterIn: detail), detail)
        }
    }()

    var syntaxErrorLine: Int { syntaxError.line }
    var syntaxErrorMessage: String { syntaxError.message }

    /// Foundation says "around character N"; N counts bytes from the start of the file. A number too
    /// large for a Double ("Number 1e400 is not representable") comes with no position, so the number
    /// itself is looked for.
    private func line(atCharacterIn message: String) -> Int {
        if let number = message.firstMatch(of: /^Number (\S+) is not representable/)?.output.1 {
            return lineOfNumber(String(number)) ?? 1
        }
        guard let range = message.range(of: "character ") else { return 1 }
        let digits = message[range.upperBound...].prefix { $0.isNumber }
        guard let offset = Int(digits) else { return 1 }
        return 1 + file.text.utf8.prefix(offset).count { $0 == UInt8(ascii: "\n") }
    }

    /// The line of the first number token spelled `literal`, outside strings.
    private func lineOfNumber(_ literal: String) -> Int? {
        let wanted = Array(literal.utf8)
        var token: [UInt8] = []
        var tokenLine = 1
        var found: Int?
        func isNumberByte(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
        }
        forEachByteOutsideStrings { byte, line in
            if isNumberByte(byte) {
                if token.isEmpty { tokenLine = line }
                token.append(byte)
                return true
            }
            if token == wanted { found = tokenLine; return false }
            token.removeAll(keepingCapacity: true)
            return true
        }
        return found ?? (token == wanted ? tokenLine : nil)
    }
}
