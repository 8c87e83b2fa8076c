import Foundation
import Yams

/// A Hugging Face model card: `README.md` whose YAML front matter holds `model-index`
/// (`- name: …, results: [{task, dataset: {type, name, config, args}, metrics: [{type, value}], source: {url}}]`).
enum ModelCardImporter: ScoreImporter {
    static let format = ImportFormat.modelIndex

    static func recognizes(_ input: ImportInput) -> Bool {
        guard case .text(let file) = input.content, hasFrontMatter(file.text) else { return false }
        return file.text.contains("\nmodel-index:")
    }

    static func hasFrontMatter(_ text: String) -> Bool { text.hasPrefix("---\n") || text.hasPrefix("--- \n") }

    static func read(_ input: ImportInput) -> ImportReading {
        var reading = ImportReading()
        guard case .text(let file) = input.content else { return reading }
        let split: FrontMatterSplit
        do { split = try FrontMatterSplit.split(file) } catch { reading.problems.append(ImportProblem(error)); return reading }
        guard let yaml = split.yaml else {
            reading.problems.append(ImportProblem(input.path, line: 1, "a model card needs YAML front matter (between --- lines) holding `model-index`"))
            return reading
        }
        let offset = split.yamlLine - 1
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            reading.problems.append(ImportProblem(YAMLHints.diagnostic(for: error, yaml: yaml, document: "the model card's front matter", path: input.path, lineOffset: offset)))
            return reading
        } catch {
            reading.problems.append(ImportProblem(input.path, line: split.yamlLine, "invalid YAML: \(error)"))
            return reading
        }
        guard let index = root?.mapping?["model-index"] else {
            reading.problems.append(ImportProblem(input.path, line: 1,
                "this model card has no `model-index` in its front matter, so it holds no results to import"))
            return reading
        }
        guard let entries = index.sequence else {
            reading.problems.append(ImportProblem(input.path, line: line(index, offset), "`model-index` must be a list of models"))
            return reading
        }
        for entry in entries {
            let name = entry["name"]?.string?.trimmingCharacters(in: .whitespaces)
            let results = entry["results"]?.sequence ?? []
            let model = results.lazy.compactMap { modelID(fromSourceURL: $0["source"]?["url"]?.string) }.first ?? name
            guard let model, !model.isEmpty else {
                reading.problems.append(ImportProblem(input.path, line: line(entry, offset), "a `model-index` entry needs a `name`"))
                continue
            }
            for result in results {
                read(result, model: model, modelName: name, offset: offset, path: input.path, into: &reading)
            }
        }
        return reading
    }

    private static func read(_ result: Node, model: String, modelName: String?, offset: Int, path: String,
                             into reading: inout ImportReading) {
        let dataset = result["dataset"]
        let type = dataset?["type"]?.string
        let datasetName = dataset?["name"]?.string
        let args = dataset?["args"]
        let config = dataset?["config"]?.string ?? args?.string
        guard let benchmark = datasetName ?? type else {
            reading.problems.append(ImportProblem(path, line: line(result, offset), "a result needs `dataset.type` or `dataset.name`"))
            return
        }
        var keys: [String] = []
        if let type, let config { keys.append("\(type)/\(config)") }
        if let type { keys.append(type) }
        if let datasetName { keys.append(datasetName) }
        let shots = (args?["num_few_shot"]?.int) ?? (args?["num_fewshot"]?.int) ?? BenchmarkCatalog.shots(inName: datasetName ?? "")
        for metric in result["metrics"]?.sequence ?? [] {
            let metricName = metric["type"]?.string ?? metric["name"]?.string ?? "value"
            let valueNode = metric["value"]
            let parsed = valueNode.flatMap(\.string).flatMap { MissingValue.number($0) }
            if valueNode != nil, parsed == nil {
                reading.problems.append(ImportProblem(path, line: line(valueNode!, offset),
                    "metric `\(metricName)` of \(benchmark): `value` must be a number, found \(valueNode!.string.map { "\"\($0)\"" } ?? "a list or mapping")"))
                continue
            }
            reading.rows.append(ImportedScore(
                model: model, modelName: modelName, benchmark: benchmark, benchmarkKeys: keys, metric: metricName,
                value: parsed?.value, shots: shots, scale: parsed?.percent == true ? .percent : .unknown,
                line: line(valueNode ?? metric, offset)))
        }
    }

    private static func line(_ node: Node, _ offset: Int) -> Int { (node.mark?.line ?? 1) + offset }

    /// The `org/name` repo a result's `source.url` points at: the `query=` of an Open LLM Leaderboard link, or
    /// the path of a `huggingface.co/<org>/<name>` model page (never a space or a dataset).
    static func modelID(fromSourceURL url: String?) -> String? {
        guard let url, let components = URLComponents(string: url.trimmingCharacters(in: .whitespaces)) else { return nil }
        if let query = components.queryItems?.first(where: { $0.name == "query" || $0.name == "search" })?.value, isRepoID(query) { return query }
        // The newer leaderboard links put it in the fragment: `…open_llm_leaderboard#/?search=org%2Fname`.
        if let fragment = components.fragment, let range = fragment.range(of: "search=") ?? fragment.range(of: "query=") {
            let value = String(fragment[range.upperBound...].prefix { $0 != "&" })
            if let decoded = value.removingPercentEncoding, isRepoID(decoded) { return decoded }
        }
        guard let host = components.host, host == "huggingface.co" || host.hasSuffix(".huggingface.co") else { return nil }
        let parts = components.path.split(separator: "/").map(String.init)
        guard parts.count >= 2, !["spaces", "datasets", "docs", "blog", "papers", "collections"].contains(parts[0]) else { return nil }
        return "\(parts[0])/\(parts[1])"
    }

    private static func isRepoID(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && !$0.contains(" ") }
    }
}
