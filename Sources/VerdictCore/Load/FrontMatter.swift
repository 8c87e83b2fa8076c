/// A file split into its YAML front matter and its Markdown body.
struct FrontMatterSplit: Sendable {
    /// The YAML between the `---` lines, or nil when the file has none.
    let yaml: String?
    /// File line of the first YAML line.
    let yamlLine: Int
    let body: String
    /// File line of the first body line.
    let bodyLine: Int

    /// Front matter starts with `---` on the very first line and ends at the next `---` (or `...`) line.
    static func split(_ file: SourceFile) throws(Diagnostic) -> FrontMatterSplit {
        let text = file.text
        guard text.hasPrefix("---\n") || text == "---" || text.hasPrefix("--- \n") else {
            return FrontMatterSplit(yaml: nil, yamlLine: 1, body: text, bodyLine: 1)
        }
        // Walk line by line only as far as the closing marker: the body may be megabytes long.
        let utf8 = text.utf8
        guard var lineStart = utf8.firstIndex(of: UInt8(ascii: "\n")).map(utf8.index(after:)) else {
            throw Diagnostic(path: file.path, line: 1,
                             "front matter opened with --- is never closed; add a line with --- after the last field")
        }
        let yamlStart = lineStart
        var line = 2
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let trimmed = text[lineStart..<lineEnd].trimmingTrailingWhitespace()
            if trimmed == "---" || trimmed == "..." {
                let yamlEnd = lineStart == yamlStart ? yamlStart : utf8.index(before: lineStart)
                let bodyStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
                return FrontMatterSplit(yaml: String(text[yamlStart..<yamlEnd]), yamlLine: 2,
                                        body: String(text[bodyStart...]), bodyLine: line + 1)
            }
            guard lineEnd < utf8.endIndex else { break }
            lineStart = utf8.index(after: lineEnd)
            line += 1
        }
        throw Diagnostic(path: file.path, line: 1,
                         "front matter opened with --- is never closed; add a line with --- after the last field")
    }
}

extension Substring {
    func trimmingTrailingWhitespace() -> Substring {
        var copy = self
        while let last = copy.last, last == " " || last == "\t" { copy = copy.dropLast() }
        return copy
    }
}
