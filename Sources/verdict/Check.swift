import ArgumentParser
import Foundation
import VerdictCore

extension CheckReport.Format: ExpressibleByArgument {}

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the site without writing it: every input error, broken link and likely typo.",
        discussion: """
            Loads and renders everything `verdict build` would, writes nothing, and reports each \
            problem as path:line:column: error|warning|note: message (or a JSON array with --format json). \
            Exit status: 0 clean, 1 errors (or warnings under --strict), 2 usage error. Notes (a \
            model in no snapshot yet, a review dated after the newest snapshot) never fail a check, \
            --strict included.
            """
    )

    @OptionGroup var site: SiteOptions

    @Flag(name: .long, help: "Treat warnings as errors (for CI); notes stay notes.")
    var strict = false

    @Option(name: .long, help: "Output format: text or json.")
    var format: CheckReport.Format = .text

    func run() async throws {
        let diagnostics = await SiteBuilder.check(content: site.contentURL, contentDisplay: site.content,
                                                  includeDrafts: site.drafts, themes: site.themesURL)
        let report = CheckReport(diagnostics: diagnostics, strict: strict)
        let output = report.render(format)
        if format == .json || report.effective.isEmpty { print(output) } else { Terminal.error(output) }
        if report.exitStatus != 0 { throw ExitCode(report.exitStatus) }
    }
}
