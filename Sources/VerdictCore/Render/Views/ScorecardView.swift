/// The review page's scorecard and facts box as template values; the figures come from `Scorecard`.
extension Renderer {
    /// `false` when no snapshot holds the model: the template then says "not benchmarked yet".
    func scorecardView(_ standing: Standing?) -> Any {
        guard let standing, let card = Scorecard(model: standing.result.model, holding: standing.holding) else { return false }
        let headline = card.headline
        var view: [String: Any] = [
            "snapshot": snapshotLink(card.snapshot),
            "metric": headline.metric.name,
            "score": headline.text,
            "better": Axes.betterNote(headline.metric.better),
            "of": headline.rankedCount,
            "movement": Format.movement(card.movement),
        ]
        view["rank"] = headline.rank ?? false
        view["rankOf"] = headline.rankOf ?? "not ranked"
        view["more"] = card.more.map { figure -> [String: Any] in
            ["metric": figure.metric.name, "value": figure.text, "better": Axes.betterNote(figure.metric.better),
             "rankOf": figure.rankOf ?? false]
        }
        view["hasMore"] = !card.more.isEmpty
        return view
    }

    /// The optional facts of the front matter, each `false` when absent.
    func factsView(_ facts: ReviewFacts) -> [String: Any] {
        var view: [String: Any] = [:]
        view["context"] = facts.context.map { Format.grouped($0) + " tokens" } ?? false
        view["license"] = facts.license ?? false
        view["openWeights"] = facts.openWeights.map { $0 ? "Open" : "Not published" } ?? false
        view["knowledgeCutoff"] = facts.knowledgeCutoff.map { ["iso": $0.iso, "display": $0.longDescription] } ?? false
        view["links"] = facts.links.map { link -> [String: Any] in
            ["title": link.title, "url": link.url.hasPrefix("/") ? links.url(link.url) : link.url,
             "external": !link.url.hasPrefix("/")]
        }
        view["hasLinks"] = !facts.links.isEmpty
        return view
    }
}
