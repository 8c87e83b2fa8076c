import ArgumentParser
import Foundation
import VerdictCore

/// `verdict new review|page`: a new file from a template, as `hugo new` does.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new review or free page from a template.",
        discussion: """
            Writes the file with every field and section it can have, each with a line of guidance, \
            prints its path and refuses to overwrite anything. A new review is a draft: \
            `verdict serve --drafts` shows it, and removing `draft: true` publishes it.
            """,
        subcommands: [NewReview.self, NewPage.self]
    )

    /// Runs `make`; prints the new file's path (alone on standard output, for scripts), or the reason
    /// nothing was written and exits 1.
    static func create(_ make: () throws(Diagnostic) -> Scaffold.Created) throws -> Scaffold.Created {
        do {
            let created = try make()
            print(created.path)
            return created
        } catch {
            Terminal.error(error.description)
            throw ExitCode.failure
        }
    }
}

struct NewReview: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Write Content/reviews/<slug>.md: a draft review dated today.",
        discussion: """
            The file holds every front-matter field a review can have (the optional ones commented out) \
            and the recognised sections (Verdict, Where it shines, Where it falls short, Real-world use \
            cases), each with one line of guidance. Title, vendor and tier come from the options, else \
            from the newest snapshot holding the model, else from the slug. It passes `verdict check` as \
            it is. Refused, with exit status 1 and nothing written: a slug that is not [a-z0-9][a-z0-9-]*, \
            a file that exists, a model another review already covers.

            Example: verdict new review gpt-4-1-nano --model gpt-4.1-nano-2025-04-14 --vendor OpenAI
            """
    )

    @Argument(help: ArgumentHelp("The review's file name and address: /models/<slug>/. Lower-case letters, digits and -.", valueName: "slug"))
    var slug: String

    @Option(name: .long, help: ArgumentHelp("The model id used in benchmark snapshots (default: the slug).", valueName: "id"))
    var model: String?

    @Option(name: .long, help: ArgumentHelp("The title shown on the page (default: the model's name in the newest snapshot, else made from the slug).", valueName: "text"))
    var title: String?

    @Option(name: .long, help: ArgumentHelp("Who makes the model (default: its vendor in the newest snapshot).", valueName: "text"))
    var vendor: String?

    @Option(name: .long, help: ArgumentHelp("The content folder.", valueName: "folder"))
    var content: String = "Content"

    func run() throws {
        let created = try New.create {  () throws(Diagnostic) in
            try Scaffold.review(slug: slug, model: model, title: title, vendor: vendor,
                                content: URL(fileURLWithPath: content), contentDisplay: content, today: .today())
        }
        for note in created.notes { Terminal.error("\(created.path): note: \(note)") }
        Terminal.error("Wrote a draft review: fill it in, preview it with `verdict serve --drafts`, and remove `draft: true` to publish it.")
    }
}

struct NewPage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "page",
        abstract: "Write Content/pages/<path>.md: a free page published at /<path>/.",
        discussion: """
            The path is the page's place in the site: `verdict new page benchmarks/notes` writes \
            Content/pages/benchmarks/notes.md, published at /benchmarks/notes/. Refused, with exit \
            status 1 and nothing written: a path that is not slugs joined by /, an address Verdict \
            generates (/models/…, /usecases/…, /capabilities/…, /compare/…, /benchmarks/<date>/), a file \
            that exists.
            """
    )

    @Argument(help: ArgumentHelp("Where the page is published, such as about or benchmarks/notes.", valueName: "path"))
    var path: String

    @Option(name: .long, help: ArgumentHelp("The page's title (default: made from the last part of the path).", valueName: "text"))
    var title: String?

    @Option(name: .long, help: ArgumentHelp("The content folder.", valueName: "folder"))
    var content: String = "Content"

    func run() throws {
        _ = try New.create { () throws(Diagnostic) in
            try Scaffold.page(path: path, title: title, content: URL(fileURLWithPath: content), contentDisplay: content)
        }
    }
}
