import Foundation

/// A text file from `Content/`, decoded and normalised so later stages see one form:
/// UTF-8 without a byte-order mark, `\n` line endings.
public struct SourceFile: Sendable {
    /// Path as shown in diagnostics (the content folder as the user gave it, then the relative path).
    public let path: String
    /// Path relative to the content folder, with `/` separators.
    public let relativePath: String
    public let text: String

    public init(path: String, relativePath: String, text: String) {
        self.path = path
        self.relativePath = relativePath
        self.text = text
    }

    /// Editors' tools hold huge files badly and so would readers; a review this big is a mistake.
    static let maximumBytes = 8 * 1024 * 1024

    static func read(url: URL, path: String, relativePath: String) throws(Diagnostic) -> SourceFile {
        try decode(bytes(url: url, path: path), path: path, relativePath: relativePath)
    }

    /// The file's bytes as stored, before decoding (the review cache keys on them).
    static func bytes(url: URL, path: String) throws(Diagnostic) -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw Diagnostic(path: path, "cannot read file: \(error.localizedDescription)")
        }
    }

    static func decode(_ data: Data, path: String, relativePath: String) throws(Diagnostic) -> SourceFile {
        if data.count > maximumBytes {
            throw Diagnostic(path: path,
                             "file is \(data.count / 1_048_576) MB; the limit is \(maximumBytes / 1_048_576) MB per file")
        }
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw Diagnostic(path: path, line: firstInvalidLine(bytes),
                             "file is not valid UTF-8; save it as UTF-8")
        }
        if contains(bytes, 0) {
            let line = 1 + bytes.prefix { $0 != 0 }.count { $0 == UInt8(ascii: "\n") }
            throw Diagnostic(path: path, line: line, "file contains a NUL byte; is it a binary file?")
        }
        let normalised = contains(bytes, UInt8(ascii: "\r"))
            ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            : text
        return SourceFile(path: path, relativePath: relativePath, text: normalised)
    }

    /// memchr over the buffer: `Data`'s generic `contains` walks an iterator byte by byte.
    private static func contains(_ bytes: Data.SubSequence, _ byte: UInt8) -> Bool {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return false }
            return memchr(base, Int32(byte), buffer.count) != nil
        }
    }

    /// The line of the first byte that breaks UTF-8, found by decoding line by line.
    private static func firstInvalidLine(_ bytes: Data.SubSequence) -> Int {
        var line = 1
        for chunk in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            if String(validating: chunk, as: UTF8.self) == nil { return line }
            line += 1
        }
        return line
    }
}
