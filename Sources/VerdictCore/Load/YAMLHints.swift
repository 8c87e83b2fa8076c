import Yams

/// Turns a Yams syntax error into a diagnostic an editor can act on. The common slips in front matter
/// get a plain message at the place of the mistake: Yams notices a quote left open only where the text
/// runs out, a colon inside a value as "mapping values are not allowed", and a tab as "a character that
/// cannot start any token". Anything else keeps Yams' own words after a plain lead.
enum YAMLHints {
    /// `yaml` is the text Yams read; its line 1 is the file's line `lineOffset + 1`.
    static func diagnostic(for error: YamlError, yaml: String, document: String, path: String, lineOffset: Int) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
            // A tab is checked on the error's own lines first: a quoted value spanning lines earlier in
            // the file is valid YAML, and must not take the blame for it.
            let hint = unknownEscape(problem: problem, mark: mark, lines: lines)
                ?? tabIndentation(lines, near: mark.line)
                ?? unclosedQuote(lines, before: mark.line, context: context)
                ?? colonInValue(lines, near: mark.line, problem: problem)
                ?? unclosedFlow(context: context, problem: problem)
            if let hint {
                return Diagnostic(path: path, line: hint.line + lineOffset, column: hint.column, hint.message)
            }
            let where_ = context.map { " (\($0.text) at line \($0.mark.line + lineOffset))" } ?? ""
            return Diagnostic(path: path, line: mark.line + lineOffset, column: mark.column,
                              "\(document) is not valid YAML: \(problem)\(where_)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return Diagnostic(path: path, line: context.mark.line + lineOffset,
                              "duplicate key \(duplicates.joined(separator: ", ")) in \(document)")
        case let .reader(problem, _, _, _):
            return Diagnostic(path: path, line: lineOffset + 1, "\(document) is not valid YAML: \(problem)")
        default:
            return Diagnostic(path: path, line: lineOffset + 1, "\(document) is not valid YAML: \(error)")
        }
    }

    /// A place in the YAML text (line from 1, column from 1) and what to say there.
    struct Hint: Equatable {
        let line: Int
        let column: Int
        let message: String
    }

    /// A value opened with `"` or `'` that is not closed on its own line, at or before the error. A
    /// quoted value may span lines in YAML, but in front matter that is almost always a forgotten quote,
    /// and only asked about once parsing has failed.
    static func unclosedQuote(_ lines: [Substring], before errorLine: Int, context: Yams.YamlError.Context?) -> Hint? {
        if let context, context.text.contains("quoted scalar"), lines.indices.contains(context.mark.line - 1) {
            let line = lines[context.mark.line - 1]
            if let quote = character(in: line, column: context.mark.column), !closes(line, from: context.mark.column - 1, quote: quote) {
                return Hint(line: context.mark.line, column: context.mark.column, message: unclosedMessage(quote))
            }
        }
        for (index, line) in lines.prefix(max(0, errorLine)).enumerated() {
            guard let (offset, quote) = quotedValueStart(line), !closes(line, from: offset, quote: quote) else { continue }
            return Hint(line: index + 1, column: offset + 1, message: unclosedMessage(quote))
        }
        return nil
    }

    /// `"C:\models"`: inside double quotes a backslash starts an escape.
    static func unknownEscape(problem: String, mark: Yams.Mark, lines: [Substring]) -> Hint? {
        guard problem.contains("unknown escape character") else { return nil }
        return Hint(line: mark.line, column: mark.column,
                    message: "a backslash inside double quotes starts an escape, and this one is not known; write \\\\ for a backslash, or use single quotes")
    }

    private static func unclosedMessage(_ quote: Character) -> String {
        "the quote \(quote) that opens this value is never closed; end the value with \(quote) on the same line"
    }

    /// Leading whitespace holding a tab, on the error's line or the line before it.
    static func tabIndentation(_ lines: [Substring], near errorLine: Int) -> Hint? {
        for number in [errorLine, errorLine - 1] where lines.indices.contains(number - 1) {
            let line = lines[number - 1]
            let indent = line.prefix { $0 == " " || $0 == "\t" }
            if let tab = indent.firstIndex(of: "\t"), indent.count < line.count {
                return Hint(line: number, column: line.distance(from: line.startIndex, to: tab) + 1,
                            message: "this line is indented with a tab; indent with spaces, not tabs")
            }
        }
        return nil
    }

    /// `summary: Fast: and cheap`: a plain value holding `: ` reads as a second key.
    static func colonInValue(_ lines: [Substring], near errorLine: Int, problem: String) -> Hint? {
        guard problem.contains("mapping values are not allowed") || problem.contains("did not find expected key") else { return nil }
        for number in [errorLine, errorLine - 1] where lines.indices.contains(number - 1) {
            let line = lines[number - 1]
            guard let (key, valueOffset) = keyAndValue(line) else { continue }
            let value = line.dropFirst(valueOffset)
            guard let first = value.first, first != "\"", first != "'", first != "[", first != "{", first != "|", first != ">",
                  value.contains(": ") || value.hasSuffix(":") else { continue }
            let text = String(value.trimmingTrailingWhitespace()).replacingOccurrences(of: "\"", with: "\\\"")
            return Hint(line: number, column: valueOffset + 1,
                        message: "the value of `\(key)` holds \": \", which YAML reads as another key; put the value in quotes: \(key): \"\(text)\"")
        }
        return nil
    }

    /// `alternatives: [a, b` without its `]`: reported where the list opens.
    static func unclosedFlow(context: Yams.YamlError.Context?, problem: String) -> Hint? {
        guard let context, context.text.contains("flow sequence") || context.text.contains("flow mapping") else { return nil }
        let (open, close) = context.text.contains("sequence") ? ("[", "]") : ("{", "}")
        return Hint(line: context.mark.line, column: context.mark.column,
                    message: "the \(open) that opens this value is never closed with \(close); if the value is text, put it in quotes (\(problem))")
    }

    /// `key: value` or `- key: value`: the key and the offset where the value starts.
    private static func keyAndValue(_ line: Substring) -> (key: String, valueOffset: Int)? {
        var rest = line.drop { $0 == " " }
        if rest.hasPrefix("- ") { rest = rest.dropFirst(2).drop { $0 == " " } }
        guard let colon = rest.range(of: ": ")?.lowerBound else { return nil }
        let key = rest[..<colon]
        guard !key.isEmpty, !key.contains("\""), !key.contains("'"), !key.contains("#") else { return nil }
        let value = rest[rest.index(colon, offsetBy: 2)...].drop { $0 == " " }
        guard !value.isEmpty else { return nil }
        return (String(key), line.distance(from: line.startIndex, to: value.startIndex))
    }

    /// Offset and character of the quote opening a value (`key: "…` or `- "…`).
    private static func quotedValueStart(_ line: Substring) -> (Int, Character)? {
        let offset: Int
        if let (_, valueOffset) = keyAndValue(line) {
            offset = valueOffset
        } else {
            let item = line.drop { $0 == " " }
            guard item.hasPrefix("- ") else { return nil }
            let value = item.dropFirst(2).drop { $0 == " " }
            offset = line.distance(from: line.startIndex, to: value.startIndex)
        }
        let index = line.index(line.startIndex, offsetBy: offset)
        guard index < line.endIndex, line[index] == "\"" || line[index] == "'" else { return nil }
        return (offset, line[index])
    }

    /// Whether the quoted scalar opened at `offset` ends on this line: `\"` escapes in double quotes,
    /// `''` in single quotes.
    private static func closes(_ line: Substring, from offset: Int, quote: Character) -> Bool {
        var rest = line.dropFirst(offset + 1)
        while let character = rest.first {
            rest = rest.dropFirst()
            if quote == "\"", character == "\\" {
                rest = rest.dropFirst()
            } else if character == quote {
                if quote == "'", rest.first == "'" { rest = rest.dropFirst(); continue }
                return true
            }
        }
        return false
    }

    private static func character(in line: Substring, column: Int) -> Character? {
        guard column >= 1, column <= line.count else { return nil }
        let character = line[line.index(line.startIndex, offsetBy: column - 1)]
        return character == "\"" || character == "'" ? character : nil
    }
}
