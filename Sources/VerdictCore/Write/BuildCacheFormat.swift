import Foundation

/// The build cache on disk: lines of tab-separated fields, one file or diagnostic per line. JSON through
/// Codable took about 0.25 s of CPU to read and write at 10,000 reviews (12,000 files and 9,700 notes),
/// a tenth of a one-review edit build; this takes a few milliseconds. Fields are escaped (`\\`, `\t`,
/// `\n`, `\r`) so any path or message survives; anything unexpected makes the whole cache unreadable,
/// which only means a full rebuild.
///
///     verdict-cache <version>
///     inputs <hex> / environment <hex> / pages <n> / written <n> / reviews <n> / snapshots <n>
///     file <path> <key|-> <input|-> <hash> <size> <modified> <inode>
///     diagnostic <path> <line|-> <column|-> <severity> <message>
enum BuildCacheFormat {
    static func encode(_ cache: BuildCache) -> Data {
        var data = Data()
        encode(cache) { data.append(contentsOf: $0) }
        return data
    }

    /// Hands the file to `write` in pieces of about 256 KB: the whole text of a 42,000-page site's
    /// cache, grown by doubling, was the largest allocation at the end of a build, its peak memory.
    static func encode(_ cache: BuildCache, write: (UnsafeRawBufferPointer) -> Void) {
        var out = ""
        out.reserveCapacity(1 << 18)
        func line(_ text: String) {
            out += text
            out += "\n"
            if out.utf8.count >= (1 << 18) - 4096 { flush() }
        }
        func flush() {
            var text = out
            text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
            out.removeAll(keepingCapacity: true)
        }
        line("verdict-cache \(cache.version)")
        line("inputs\t\(cache.inputs)\nenvironment\t\(cache.environment)")
        line("pages\t\(cache.pages)\nwritten\t\(cache.written)\nreviews\t\(cache.reviews)\nsnapshots\t\(cache.snapshots)")
        for path in cache.files.keys.sorted() {
            let file = cache.files[path]!
            let fields = [escape(path), file.key ?? "-", file.input ?? "-", file.hash,
                          String(file.stamp.size), String(file.stamp.modified), String(file.stamp.inode)]
            line("file\t" + fields.joined(separator: "\t"))
        }
        for diagnostic in cache.diagnostics {
            let fields = [escape(diagnostic.path), diagnostic.line.map(String.init) ?? "-", diagnostic.column.map(String.init) ?? "-",
                          diagnostic.severity.rawValue, escape(diagnostic.message)]
            line("diagnostic\t" + fields.joined(separator: "\t"))
        }
        flush()
    }

    /// Nil unless every line is well formed and the version is the current one.
    static func decode(_ data: Data) -> BuildCache? {
        let text = String(decoding: data, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.last == "" else { return nil }
        lines.removeLast()
        guard let header = lines.first, header == "verdict-cache \(BuildCache.formatVersion)" else { return nil }
        var numbers: [Substring: Int] = [:]
        var hexes: [Substring: String] = [:]
        var files: [String: BuildCache.File] = [:]
        files.reserveCapacity(lines.count)
        var diagnostics: [Diagnostic] = []
        for line in lines.dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            switch fields.first {
            case "inputs", "environment":
                guard fields.count == 2 else { return nil }
                hexes[fields[0]] = String(fields[1])
            case "pages", "written", "reviews", "snapshots":
                guard fields.count == 2, let number = Int(fields[1]) else { return nil }
                numbers[fields[0]] = number
            case "file":
                guard fields.count == 8, let path = unescape(fields[1]), let size = Int64(fields[5]),
                      let modified = Int64(fields[6]), let inode = UInt64(fields[7]) else { return nil }
                files[path] = BuildCache.File(key: optional(fields[2]), stamp: FileStamp(size: size, modified: modified, inode: inode),
                                              hash: String(fields[4]), input: optional(fields[3]))
            case "diagnostic":
                guard fields.count == 6, let path = unescape(fields[1]), let message = unescape(fields[5]),
                      let severity = Diagnostic.Severity(rawValue: String(fields[4])) else { return nil }
                if let line = Int(fields[2]), let column = Int(fields[3]) {
                    diagnostics.append(Diagnostic(path: path, line: line, column: column, severity: severity, message))
                } else if fields[2] == "-", fields[3] == "-" {
                    diagnostics.append(Diagnostic(path: path, severity: severity, message))
                } else {
                    return nil
                }
            default:
                return nil
            }
        }
        guard let inputs = hexes["inputs"], let environment = hexes["environment"], let pages = numbers["pages"],
              let written = numbers["written"], let reviews = numbers["reviews"], let snapshots = numbers["snapshots"] else { return nil }
        return BuildCache(inputs: inputs, environment: environment, files: files, pages: pages, written: written,
                          reviews: reviews, snapshots: snapshots, diagnostics: diagnostics)
    }

    private static func optional(_ field: Substring) -> String? { field == "-" ? nil : String(field) }

    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        var out = ""
        for character in text.unicodeScalars {
            switch character {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// Nil for an escape `escape` never writes.
    static func unescape(_ field: Substring) -> String? {
        guard field.utf8.contains(0x5C) else { return String(field) }
        var out = ""
        var escaped = false
        for character in field.unicodeScalars {
            if escaped {
                switch character {
                case "\\": out += "\\"
                case "t": out += "\t"
                case "n": out += "\n"
                case "r": out += "\r"
                default: return nil
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                out.unicodeScalars.append(character)
            }
        }
        return escaped ? nil : out
    }
}
