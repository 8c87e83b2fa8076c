import Foundation

/// Leaderboard tables as CSV (LMArena, arena-hard, AlpacaEval, Open LLM Leaderboard exports, any table):
/// one row per model, one column per score.
enum CSVImporter: ScoreImporter {
    static let format = ImportFormat.csv

    /// Text that is not a model card, whose first line has a comma and whose second line has as many
    /// fields: a README with a comma in its title is not a table.
    static func recognizes(_ input: ImportInput) -> Bool {
        guard case .text(let file) = input.content, !ModelCardImporter.hasFrontMatter(file.text) else { return false }
        let lines = file.text.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
        let header = fieldCount(lines[0])
        return header > 1 && lines.count > 1 && fieldCount(lines[1]) == header
    }

    private static func fieldCount(_ line: Substring) -> Int {
        var count = 1, quoted = false
        for character in line {
            if character == "\"" { quoted.toggle() } else if character == ",", !quoted { count += 1 }
        }
        return count
    }

    static func read(_ input: ImportInput) -> ImportReading {
        var reading = ImportReading()
        guard case .text(let file) = input.content else { return reading }
        let table: CSVTable
        do {
            table = try CSVTable(parsing: file.text)
        } catch .unterminatedQuote(let line) {
            reading.problems.append(ImportProblem(input.path, line: line, "a quoted field opened here is never closed"))
            return reading
        } catch {
            reading.problems.append(ImportProblem(input.path, line: 1, "the CSV file is empty"))
            return reading
        }
        let lowered = table.header.map { $0.lowercased() }
        let keyColumn = lowered.firstIndex(of: "key")
        let modelColumn = lowered.firstIndex(of: "model")
        guard let idColumn = keyColumn ?? modelColumn ?? (table.header.first?.isEmpty == true ? 0 : nil) else {
            reading.problems.append(ImportProblem(input.path, line: 1,
                "no model column: expected a column named `model`, `Model` or `key`, or an unnamed first column (found \(table.header.map { "`\($0)`" }.joined(separator: ", ")))"))
            return reading
        }
        let nameColumn = keyColumn != nil ? (modelColumn ?? lowered.firstIndex(of: "name")) : nil
        let dateColumn = lowered.firstIndex(of: "date")
        var problems: [ImportProblem] = []
        for record in table.records where record.fields.count != table.header.count {
            problems.append(ImportProblem(input.path, line: record.line,
                "this row has \(record.fields.count) fields, the header has \(table.header.count)"))
        }
        guard problems.isEmpty else { reading.problems = problems; return reading }

        var dates: [Day] = []
        if let dateColumn {
            for record in table.records {
                let cell = record.fields[dateColumn].trimmingCharacters(in: .whitespaces)
                if MissingValue.isMissing(cell) { continue }
                if let day = ImportDates.utcDay(iso: cell) { dates.append(day) } else {
                    reading.problems.append(ImportProblem(input.path, line: record.line, "`\(table.header[dateColumn])` \"\(cell)\" is not a date written YYYY-MM-DD"))
                }
            }
        }
        reading.date = dates.max() ?? ImportDates.dayAnywhere(in: input.fileName) ?? ImportDates.dayAnywhere(in: input.folderName)

        let skipped: Set<Int> = [idColumn, nameColumn, dateColumn].compactMap { $0 }.reduce(into: []) { $0.insert($1) }
        let pairs = stderrColumns(lowered)
        var columns: [(index: Int, percent: Bool)] = []
        for index in table.header.indices where !skipped.contains(index) && !pairs.values.contains(index) {
            let name = lowered[index]
            if ["rank", "#", "position", "link", "url"].contains(name) { continue }
            var percent = false
            let numeric = table.records.allSatisfy { record in
                guard let cell = MissingValue.number(record.fields[index]) else { return false }
                percent = percent || cell.percent
                return true
            }
            if numeric { columns.append((index, percent)) }
        }
        for record in table.records {
            let model = plainText(record.fields[idColumn])
            if model.isEmpty {
                reading.problems.append(ImportProblem(input.path, line: record.line, "this row has no model id"))
                continue
            }
            let display = nameColumn.map { plainText(record.fields[$0]) }.flatMap { $0.isEmpty ? nil : $0 }
            for column in columns {
                let title = table.header[column.index]
                let stderr = pairs[column.index].flatMap { MissingValue.number(record.fields[$0])?.value }
                reading.rows.append(ImportedScore(
                    model: model, modelName: display, benchmark: title,
                    value: MissingValue.number(record.fields[column.index])?.value, stderr: stderr,
                    shots: BenchmarkCatalog.shots(inName: title),
                    scale: column.percent ? .percent : .unknown, isAggregate: BenchmarkCatalog.isAggregateColumn(title),
                    line: record.line))
            }
        }
        return reading
    }

    /// Leaderboard exports often link the model: `<a href="…">org/name</a>` or `[org/name](…)` → `org/name`.
    static func plainText(_ cell: String) -> String {
        var text = cell.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("<"), text.hasSuffix(">") {
            var out = "", inTag = false
            for character in text {
                if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { out.append(character) }
            }
            text = out.trimmingCharacters(in: .whitespaces)
        }
        if text.hasPrefix("["), let close = text.firstIndex(of: "]"), text[close...].hasPrefix("]("), text.hasSuffix(")") {
            text = String(text[text.index(after: text.startIndex)..<close])
        }
        return text
    }

    /// Columns holding another column's standard error: `<name>_stderr`, `<name>_se`, `<name> stderr`, and
    /// AlpacaEval's `standard_error` (of `win_rate`) and `lc_standard_error` (of `length_controlled_winrate`).
    /// Keyed by the score column's index.
    private static func stderrColumns(_ lowered: [String]) -> [Int: Int] {
        var out: [Int: Int] = [:]
        for (index, name) in lowered.enumerated() {
            var target: String?
            for suffix in ["_stderr", " stderr", "_se", "_std_err"] where name.hasSuffix(suffix) {
                target = String(name.dropLast(suffix.count))
            }
            if name == "standard_error" { target = "win_rate" }
            if name == "lc_standard_error" { target = "length_controlled_winrate" }
            if let target, let scored = lowered.firstIndex(of: target), scored != index { out[scored] = index }
        }
        return out
    }
}
