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
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        lines = lines.dropFirst()
        var yamlLines: [Substring] = []
        var line = 2
        while let next = lines.first {
            lines = lines.dropFirst()
            let trimmed = next.trimmingTrailingWhitespace()
            if trimmed == "---" || trimmed == "..." {
                return FrontMatterSplit(yaml: yamlLines.joined(separator: "\n"), yamlLine: 2,
                                        body: lines.joined(separator: "\n"), bodyLine: line + 1)
            }
            yamlLines.append(next)
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
