import ArgumentParser
import Foundation
import VerdictCore

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site into the output folder.",
        discussion: """
            Writes into a staging folder next to the output and swaps it in only when every page \
            succeeded, so a failed build leaves the previous output untouched. Problems are printed \
            as path:line:column: severity: message (path: severity: message for a whole file or \
            folder) and the exit status is 1.

            A cache file beside the output (.Public.verdict-cache for Public/) lets the next build skip \
            the work when no input changed, and keep pages whose data did not change. It is safe to \
            delete; --no-cache ignores and removes it. A second one (.Public.verdict-reviews) keeps \
            the parsed reviews, so only edited review files are parsed again; --no-cache neither \
            reads nor writes it.
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp("The folder to write the site into; it is replaced whole.", valueName: "folder"))
    var output: String = "Public"

    @Flag(name: .long, help: "Print how long each step of the build took.")
    var timings = false

    @Flag(name: .customLong("no-cache"), help: ArgumentHelp(
        "Parse every review and render every page; delete the build cache (.<output>.verdict-cache beside the output folder) and leave the review cache (.<output>.verdict-reviews) alone.",
        discussion: "Without it, a build whose inputs did not change since the last one stops after checking that, and pages whose data did not change are kept from the previous output."))
    var noCache = false

    func run() async throws {
        let options = BuildOptions(content: site.contentURL, contentDisplay: site.content,
                                   output: URL(fileURLWithPath: output), outputDisplay: output, includeDrafts: site.drafts, themes: site.themesURL,
                                   useCache: !noCache)
        do {
            let report = try await SiteBuilder.build(options)
            Terminal.report(report.diagnostics)
            print("\(report.summary) → \(output)")
            if timings {
                for (step, milliseconds) in report.timings { print("  \(step): \(milliseconds) ms") }
            }
        } catch {
            Terminal.report(error.diagnostics)
            let errors = error.diagnostics.count { $0.severity == .error }
            Terminal.error("Build failed: \(errors) error\(errors == 1 ? "" : "s"); \(output) was not changed.")
            throw ExitCode.failure
        }
    }
}
