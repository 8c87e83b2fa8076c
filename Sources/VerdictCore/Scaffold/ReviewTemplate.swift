/// The text `verdict new review` writes: every front-matter field a review can have (the optional ones
/// commented out, so the draft passes `verdict check` as it is) and the recognised sections, each with
/// one line saying what goes there.
struct ReviewTemplate {
    var title: String
    var model: String
    var vendor: String
    var tier: String?
    var reviewed: Day

    var text: String {
        let fields = [
            field("title: \(Self.quoted(title))", "the name shown on the page and in lists"),
            field("model: \(Self.quoted(model))", "the id used in benchmark snapshots"),
            field("vendor: \(Self.quoted(vendor))", "who makes the model"),
            field("reviewed: \(reviewed)", "date of the last technical review"),
            field("draft: true", "left out of the site until you remove this line (verdict serve --drafts shows it)"),
            "# Optional fields: remove the # in front of a field to use it.",
            field("# family: Family name", "the model line the model belongs to"),
            field(tier.map { "tier: \(Self.quoted($0))" } ?? "# tier: efficiency", "the class of model: efficiency, balanced, frontier…"),
            field("# released: YYYY-MM-DD", "when the vendor released the model"),
            field("# published: YYYY-MM-DD", "first publication of this review (default: reviewed)"),
            field("# summary: \"One sentence.\"", "for lists and feeds (default: the verdict's first sentence)"),
            field("# alternatives: [model-id, …]", "ids of reviewed or benchmarked models to compare with"),
            field("# aliases: [other-id, …]", "other ids of this same model in snapshots"),
            field("# context: 128000", "context window, in tokens"),
            field("# license: Apache-2.0", "the model's license, as text"),
            field("# openWeights: true", "whether the weights can be downloaded"),
            field("# knowledgeCutoff: 2025-06", "training data cut-off: a date or a month"),
            field("# links:", "further reading, one {title, url} per line"),
            "#   - {title: Model card, url: \"https://example.org/model-card\"}",
        ]
        return "---\n" + fields.joined(separator: "\n") + "\n---\n" + Self.body
    }

    /// `text`, then its comment from column 36.
    private func field(_ text: String, _ comment: String) -> String {
        text + String(repeating: " ", count: max(1, 35 - text.count)) + "# " + comment
    }

    static let body = """
        Why readers should care about this model: who makes it, what it is for and how you tested it.

        ## Verdict

        One paragraph with your judgement; its first sentence is the summary shown in lists and feeds.

        ## Where it shines

        Start a paragraph with bold text for each strength, then its capability tags in parentheses, as in **Fast routing** (classification, speed).

        ## Where it falls short

        Weaknesses work the same way: bold text opening a paragraph (or a ### heading), then capability tags in parentheses.

        ## Real-world use cases

        Give each use case a ### heading followed by use-case tags in parentheses, as in "Ticket triage (customer-service)", and describe it below.

        """

    /// A YAML value that reads back as exactly `text`: plain when that is safe, double-quoted otherwise.
    static func quoted(_ text: String) -> String {
        let plain = !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || " .-_/()+".contains($0) }
            && text.first != " " && text.last != " " && text.first!.isLetter
            && !["true", "false", "yes", "no", "on", "off", "null"].contains(text.lowercased())
        if plain { return text }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}

/// The text `verdict new page` writes.
struct PageTemplate {
    var title: String

    var text: String {
        """
        ---
        title: \(ReviewTemplate.quoted(title))
        # description: One sentence for search engines and link previews.
        ---
        Write the page in Markdown. Use ## headings for its sections; links to other pages start at the site root, as in [the models](/models/).

        """
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
