import VerdictTemplates

/// The review page's scorecard and facts box as template values; the figures come from `Scorecard`.
extension Renderer {
    /// `false` when no snapshot holds the model: the template then says "not benchmarked yet".
    func scorecardView(_ standing: Standing?) -> TemplateValue {
        guard let standing, let card = Scorecard(model: standing.result.model, holding: standing.holding) else { return false }
        let headline = card.headline
        let more: [TemplateValue] = card.more.map { figure in
            ["metric": .text(figure.metric.name), "value": .text(figure.text), "better": .text(Axes.betterNote(figure.metric.better)),
             "rankOf": figure.rankOf.map(TemplateValue.text) ?? false]
        }
        return [
            "snapshot": .object(snapshotLink(card.snapshot)),
            "metric": .text(headline.metric.name),
            "score": .text(headline.text),
            "better": .text(Axes.betterNote(headline.metric.better)),
            "of": .int(headline.rankedCount),
            "movement": Format.movement(card.movement),
            "rank": headline.rank.map(TemplateValue.int) ?? false,
            "rankOf": .text(headline.rankOf ?? "not ranked"),
            "more": .list(more),
            "hasMore": .bool(!card.more.isEmpty),
        ]
    }

    /// The optional facts of the front matter, each `false` when absent.
    func factsView(_ facts: ReviewFacts) -> TemplateValue {
        let links: [TemplateValue] = facts.links.map { link in
            ["title": .text(link.title), "url": .text(link.url.hasPrefix("/") ? self.links.url(link.url) : link.url),
             "external": .bool(!link.url.hasPrefix("/"))]
        }
        return [
            "context": facts.context.map { .text(Format.grouped($0) + " tokens") } ?? false,
            "license": facts.license.map(TemplateValue.text) ?? false,
            "openWeights": facts.openWeights.map { .text($0 ? "Open" : "Not published") } ?? false,
            "knowledgeCutoff": facts.knowledgeCutoff.map { ["iso": .text($0.iso), "display": .text($0.longDescription)] } ?? false,
            "links": .list(links),
            "hasLinks": .bool(!facts.links.isEmpty),
        ]
    }
}
