import ArgumentParser
import Foundation
import VerdictCore


struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn other tools' benchmark outputs into one Verdict snapshot.",
        discussion: """
            Reads files and folders (walked recursively; lm-eval's samples_*.jsonl and files of no known \
            format are skipped) and writes ONE snapshot, by default to <content>/benchmarks/<date>.json.

            Formats, detected from each file's content (not its name):
              lm-eval      lm-evaluation-harness results*.json (v0.3 and 0.4.x)
              model-index  Hugging Face model card: README.md with model-index
              helm         HELM groups table JSON (title, header, rows)
              csv          leaderboard table (LMArena, arena-hard, AlpacaEval...)
              inspect      Inspect AI eval log JSON (results.scores or .metrics)
              evalplus     evalplus results.json ({model: {"pass@1": {...}}})

            One benchmark is one column whatever the tool calls it (arc_challenge, ai2_arc/ARC-Challenge, \
            "ARC (25-shot)" are all arc_challenge). Proportions are written as percent. The date is --date, \
            else the newest run date found in the inputs. An existing snapshot is never overwritten \
            silently: pass --merge or --force. Every problem is reported as path[:line]: error: message, \
            and nothing is written when there is one. See README "Importing benchmark results".
            """
    )

    @Argument(help: ArgumentHelp("Result files or folders.", valueName: "input"))
    var inputs: [String]

    @Option(name: .long, help: ArgumentHelp("auto (the default: detected from each file's content), lm-eval, model-index, helm, csv, inspect or evalplus.", valueName: "format"))
    var format: String = "auto"

    @Option(name: .long, help: ArgumentHelp("The snapshot's date (default: the newest run date in the inputs).", valueName: "YYYY-MM-DD"))
    var date: String?

    @Option(name: .long, help: ArgumentHelp("The snapshot's title (default: the tools' names).", valueName: "text"))
    var title: String?

    @Option(name: .customLong("rank-by"), help: ArgumentHelp("The metric id the leaderboard is ranked by (default: the source's own aggregate, else the metric with the most values).", valueName: "metric"))
    var rankBy: String?

    @Option(name: .long, help: ArgumentHelp("Write the snapshot here instead of <content>/benchmarks/<date>.json; - writes to standard output.", valueName: "file|-"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("The content folder whose benchmarks/ receives the snapshot.", valueName: "folder"))
    var content: String = "Content"

    @Flag(name: .long, help: "Add the results to an existing snapshot: imported metrics replace a model's scores, others stay.")
    var merge = false

    @Flag(name: .long, help: "Replace an existing snapshot file.")
    var force = false

    @Flag(name: .customLong("all-metrics"), help: "Import every metric (<benchmark>.<metric>[@filter]) and group subtasks, not only each benchmark's main metric.")
    var allMetrics = false

    @Option(name: .long, help: ArgumentHelp("A column or metric for which lower is better (repeatable).", valueName: "column"))
    var lower: [String] = []

    func validate() throws {
        if merge && force { throw ValidationError("--merge and --force cannot be used together") }
        if format != "auto" && ImportFormat(rawValue: format) == nil {
            throw ValidationError("--format must be auto, \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", ")); found \(format)")
        }
        if let date, Day(date) == nil { throw ValidationError("--date must be a real date written YYYY-MM-DD, found \(date)") }
        if output == "-" && merge { throw ValidationError("--merge needs a file to merge into; it cannot be used with --output -") }
    }

    func run() async throws {
        let destination: SnapshotImport.Destination = switch output {
        case "-": .standardOutput
        case let file?: .file(file)
        case nil: .contentFolder(content)
        }
        let request = SnapshotImport.Request(
            inputs: inputs, format: ImportFormat(rawValue: format), date: date.flatMap(Day.init), title: title, rankBy: rankBy,
            destination: destination, merge: merge, force: force, allMetrics: allMetrics, lower: lower)
        do {
            let outcome = try await SnapshotImport.run(request)
            for warning in outcome.warnings { Terminal.error(warning.description) }
            if outcome.written == nil {
                FileHandle.standardOutput.write(Data(outcome.text.utf8))
                Terminal.error(outcome.summary)
            } else {
                print(outcome.summary)
            }
        } catch {
            let shown = error.problems.prefix(Terminal.reportLimit)
            for problem in shown { Terminal.error(problem.description) }
            if error.problems.count > shown.count { Terminal.error("… and \(error.problems.count - shown.count) more") }
            let errors = error.problems.count { $0.severity == .error }
            Terminal.error("Nothing written: \(errors) error\(errors == 1 ? "" : "s").")
            throw ExitCode(1)
        }
    }
}
