import ArgumentParser
import Foundation
import VerdictCore

@main
struct Verdict: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verdict",
        abstract: "Build a static website of AI model reviews and benchmark leaderboards.",
        discussion: """
            A site is a content folder (Content/ by default) holding site.yml, reviews/<slug>.md, \
            benchmarks/*.json, usecases/<slug>.md, pages/**.md and static/**. See README.md.
            """,
        version: "0.1.0",
        subcommands: [Build.self, Check.self, Import.self, New.self, Serve.self, GenerateCorpus.self],
        defaultSubcommand: nil
    )

    /// ArgumentParser exits 64 on a usage error; Verdict promises 2, like most Unix tools.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Shared by every command that reads a site.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The content folder: site.yml, reviews/, benchmarks/, usecases/, pages/, static/.", valueName: "folder"))
    var content: String = "Content"

    @Flag(name: .long, help: "Include reviews marked `draft: true`.")
    var drafts = false

    @Option(name: .long, help: ArgumentHelp("The folder holding themes (default: Themes/ next to the content folder).", valueName: "folder"))
    var themes: String?

    var contentURL: URL { URL(fileURLWithPath: content) }
    var themesURL: URL? { themes.map { URL(fileURLWithPath: $0) } }
}

enum Terminal {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Enough to act on; a broken theme can repeat one mistake thousands of times.
    static let reportLimit = 200

    static func report(_ diagnostics: [Diagnostic]) {
        let sorted = diagnostics.sorted()
        for diagnostic in sorted.prefix(reportLimit) { error(diagnostic.description) }
        if sorted.count > reportLimit { error("… and \(sorted.count - reportLimit) more (run verdict check --format json for the full list)") }
    }
}
