import Foundation

/// Picks each file's importer from its content, never its name.
enum ImportDetector {
    /// Asked in this order; the first that recognises a file reads it. JSON formats first, CSV (any text
    /// with a comma in its first line) last.
    static var importers: [any ScoreImporter.Type] { [
        LMEvalImporter.self, InspectImporter.self, HELMImporter.self, EvalPlusImporter.self, ModelCardImporter.self, CSVImporter.self,
    ] }

    static func importer(for format: ImportFormat) -> any ScoreImporter.Type {
        importers.first { $0.format == format }!
    }

    static let expected = """
        expected lm-evaluation-harness results JSON (`results` beside `versions`, `config` or `configs`), \
        a Hugging Face model card (README.md whose front matter holds `model-index`), a HELM groups table \
        (`title`, `header`, `rows`), a CSV table with a model column, an Inspect eval log JSON (`eval`, \
        `results`) or evalplus results.json (`{model: {"pass@1": {...}}}`)
        """

    enum Outcome: Sendable {
        case read(ImportedFile, [ImportProblem])
        /// Not a result file: left out of a folder walk.
        case skipped
        case failed([ImportProblem])
    }

    /// Reads one file. With `walked`, a file of no known format is skipped instead of refused.
    static func read(path: String, url: URL, forced: ImportFormat?, walked: Bool) -> Outcome {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            return .failed([ImportProblem(path, "cannot read file: \(error.localizedDescription)")])
        }
        let fileName = url.lastPathComponent
        let folderName = url.deletingLastPathComponent().lastPathComponent
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return walked ? .skipped : .failed([ImportProblem(path,
                "a binary archive (an Inspect `.eval` log?): write JSON logs with `inspect eval --log-format json` or convert with `inspect log convert --to json`")])
        }
        var body = data[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let firstByte = body.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        let content: ImportInput.Content
        if firstByte == UInt8(ascii: "{") || firstByte == UInt8(ascii: "[") {
            switch parseJSON(Data(body), path: path) {
            case .success(let root): content = .json(root)
            case .failure(let problem): return .failed([problem])
            }
        } else {
            do { content = .text(try SourceFile.decode(data, path: path, relativePath: fileName)) } catch {
                return walked ? .skipped : .failed([ImportProblem(error)])
            }
        }
        let input = ImportInput(path: path, fileName: fileName, folderName: folderName, content: content)
        let importer: any ScoreImporter.Type
        if let forced {
            importer = self.importer(for: forced)
            let isJSONFormat = forced != .csv && forced != .modelIndex
            if case .json = content, !isJSONFormat {
                return .failed([ImportProblem(path, "this is JSON, not \(forced.toolName) input")])
            }
            if case .text = content, isJSONFormat {
                return .failed([ImportProblem(path, line: 1, "this is not JSON, so not \(forced.toolName) output")])
            }
        } else if let found = importers.first(where: { $0.recognizes(input) }) {
            importer = found
        } else if walked {
            return .skipped
        } else if case .text(let file) = content, ModelCardImporter.hasFrontMatter(file.text) {
            importer = ModelCardImporter.self
        } else {
            return .failed([ImportProblem(path, line: 1, "not a format verdict import knows: \(expected)")])
        }
        let reading = importer.read(input)
        let problems = reading.problems + reading.dateConflicts
        if reading.problems.contains(where: { $0.severity == .error }) { return .failed(problems) }
        return .read(ImportedFile(path: path, format: importer.format, rows: reading.rows, date: reading.date), reading.dateConflicts)
    }

    /// The parsed document, or the line and reason it is not JSON.
    private static func parseJSON(_ data: Data, path: String) -> Result<Any, ImportProblem> {
        do { return .success(try JSONReader.parse(data)) } catch {
            return .failure(ImportProblem(path, line: error.line, "invalid JSON: \(error.message)"))
        }
    }
}
