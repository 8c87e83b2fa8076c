import ArgumentParser
import Foundation
import VerdictCore

/// Benchmark support, hidden from `verdict --help`: writes the synthetic corpus that
/// `scripts/benchmark.sh` times.
struct GenerateCorpus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-corpus",
        abstract: "Write a deterministic synthetic site for benchmarks.",
        shouldDisplay: false
    )

    @Option(help: "Where to write the content folder (must not exist).") var output: String
    @Option(help: "Number of reviews.") var reviews = 10_000
    @Option(help: "Number of snapshots.") var snapshots = 24
    @Option(help: "Models per snapshot.") var models = 500

    func run() throws {
        let url = URL(fileURLWithPath: output)
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw ValidationError("\(output) already exists; choose a new folder")
        }
        try CorpusGenerator(reviews: reviews, snapshots: snapshots, models: min(models, reviews)).write(to: url)
        print("Wrote \(reviews) reviews and \(snapshots) snapshots of \(min(models, reviews)) models to \(output)")
    }
}
