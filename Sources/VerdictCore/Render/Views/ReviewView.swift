import Foundation

/// `/models/<slug>/`: the review page.
extension Renderer {
    func reviewView(_ route: Route, index: Int) -> [String: Any] {
        let review = site.reviews[index]
        let meta = review.meta
        var context = common(route, title: meta.title, description: review.summary, updated: meta.reviewed)
        var view = reviewSummary(review)
        view["released"] = meta.released.map(dateView) ?? false
        view["published"] = dateView(meta.published)
        view["introHTML"] = review.introHTML.isEmpty ? nil : review.introHTML
        view["sections"] = review.sections.map { sectionView($0, review: review) }
        let comparisons = site.comparisons(of: index).map { comparison -> [String: Any] in
            let other = site.reviews[comparison.first == index ? comparison.second : comparison.first]
            return ["title": other.meta.title, "url": links.url(comparison.path(in: site.reviews))]
        }
        let showAlternatives = !comparisons.isEmpty || !meta.alternatives.isEmpty
        var toc: [[String: Any]] = review.sections.map { ["id": $0.id, "title": $0.title] }
        toc.append(["id": "benchmarks", "title": "Benchmarks"])
        if showAlternatives { toc.append(["id": "alternatives", "title": "Alternatives"]) }
        view["toc"] = toc
        view["alternatives"] = meta.alternatives.map { alternativeView($0.value) }
        view["hasAlternatives"] = !meta.alternatives.isEmpty
        view["scorecard"] = scorecardView(self.standing(of: review))
        view["facts"] = factsView(meta.facts)
        view["benchmark"] = benchmarkView(review)
        view["jsonLD"] = structuredData(review, url: links.absolute(route.path))
        view["comparisons"] = comparisons
        view["hasComparisons"] = !comparisons.isEmpty
        view["showAlternatives"] = showAlternatives
        context["review"] = view
        return context
    }

    private func sectionView(_ section: Section, review: Review) -> [String: Any] {
        let parts: [[String: Any]] = section.parts.map { part in
            switch part {
            case .html(let html): return ["html": html]
            case .item(let item): return ["item": itemView(item, role: section.role, review: review)]
            }
        }
        var view: [String: Any] = [
            "id": section.id, "title": section.title, "titleHTML": section.titleHTML,
            "role": section.role.rawValue, "parts": parts,
            "isVerdict": section.role == .verdict,
        ]
        if section.role.hasItems { view["itemCount"] = section.items.count }
        return view
    }

    private func alternativeView(_ model: String) -> [String: Any] {
        var view: [String: Any] = ["model": model, "name": site.displayName(model: model), "url": false, "vendor": false]
        if let review = site.review(model: model) {
            view["url"] = links.review(review.slug)
            view["vendor"] = review.meta.vendor
        }
        return view
    }

    /// The newest snapshot holding the model in full, then the model's leaderboard rank in every snapshot.
    /// Where a reviewed model stands: what the benchmark block and the review's charts both show.
    struct Standing {
        /// Snapshots holding the model, oldest first; never empty.
        let holding: [RankedSnapshot]
        let result: SnapshotResult
        /// Medians of the model's tier, or of all models when its tier has none.
        let medians: [String: Double]
        /// The tier those medians are of, nil for all models.
        let medianTier: String?

        var newest: RankedSnapshot { holding.last! }
    }

    func standing(of review: Review) -> Standing? {
        let holding = site.snapshots(holding: review.meta.model)
        guard let newest = holding.last, let result = newest.leaderboard.entry(for: review.meta.model)?.result else { return nil }
        let tier = (result.tier ?? review.meta.tier).flatMap { newest.medians[$0] != nil ? $0 : nil }
        return Standing(holding: holding, result: result, medians: newest.medians[tier ?? ""] ?? [:], medianTier: tier)
    }

    private func benchmarkView(_ review: Review) -> [String: Any]? {
        let model = review.meta.model
        guard let standing = standing(of: review) else { return nil }
        let (holding, newest, result, medians) = (standing.holding, standing.newest, standing.result, standing.medians)
        let rows: [[String: Any]] = newest.snapshot.metrics.map { metric in
            let ranking = newest.ranking(metric.id)!
            let entry = ranking.entry(for: model)
            var row: [String: Any] = [
                "metric": metric.name, "id": metric.id, "unit": metric.unit,
                "value": Format.value(result.scores[metric.id], on: ranking),
                "better": metric.better == .higher ? "higher is better" : "lower is better",
                "of": ranking.rankedCount,
                "isRankBy": metric.id == newest.snapshot.rankBy,
            ]
            row["rank"] = entry?.rank ?? false
            row["rankOf"] = Format.rank(entry?.rank, of: ranking.rankedCount)
            row["notMeasured"] = result.scores[metric.id] == nil
            row["median"] = Format.value(medians[metric.id], on: ranking)
            return row
        }
        var view: [String: Any] = [
            "snapshot": snapshotLink(newest),
            "rows": rows,
            "rankBy": newest.snapshot.metric(newest.snapshot.rankBy)?.name ?? newest.snapshot.rankBy,
            "history": holding.reversed().map { historyRow($0, model: model) },
            "leaderboard": links.url("/benchmarks/leaderboard/"),
        ]
        view["rank"] = newest.leaderboard.rank(of: model) ?? false
        view["charts"] = reviewCharts(review, standing)
        view["medianOf"] = standing.medianTier.map { "\($0) tier" } ?? "all models"
        view["of"] = newest.leaderboard.rankedCount
        view["movement"] = Format.movement(newest.movements?[model])
        if newest.date > review.meta.reviewed {
            view["newerData"] = ["snapshot": snapshotLink(newest), "reviewed": dateView(review.meta.reviewed)] as [String: Any]
        }
        return view
    }

    private func historyRow(_ snapshot: RankedSnapshot, model: String) -> [String: Any] {
        let entry = snapshot.leaderboard.entry(for: model)
        var row = snapshotLink(snapshot)
        row["of"] = snapshot.leaderboard.rankedCount
        row["rank"] = entry?.rank ?? false
        row["rankOf"] = Format.rank(entry?.rank, of: snapshot.leaderboard.rankedCount)
        row["score"] = Format.value(entry?.value, on: snapshot.leaderboard)
        row["metric"] = snapshot.leaderboard.metric.name
        row["movement"] = Format.movement(snapshot.movements?[model])
        return row
    }

    /// schema.org `Review` of a `SoftwareApplication`, for search engines, safe inside `<script>`
    /// (`<`, `>` and `&` are unicode escapes). Keys are written in sorted order.
    private func structuredData(_ review: Review, url: String) -> String {
        let meta = review.meta
        let text = Escape.scriptSafeJSON
        func organization(_ name: String, url: String? = nil) -> String {
            Escape.jsonObject([("@type", text("Organization")), ("name", text(name))] + (url.map { [("url", text($0))] } ?? []))
        }
        let item = Escape.jsonObject([("@type", text("SoftwareApplication")), ("applicationCategory", text("AI language model")),
                                      ("author", organization(meta.vendor))]
                                     + (meta.released.map { [("datePublished", text($0.description))] } ?? [])
                                     + [("name", text(meta.title)), ("softwareVersion", text(meta.model))])
        return Escape.jsonObject([
            ("@context", text("https://schema.org")), ("@type", text("Review")), ("author", organization(site.config.author)),
            ("dateModified", text(meta.reviewed.description)), ("datePublished", text(meta.published.description)),
            ("description", text(review.summary)), ("itemReviewed", item), ("name", text(meta.title)),
            ("publisher", organization(site.config.title, url: site.config.baseURL)), ("url", text(url)),
        ])
    }

    func snapshotLink(_ snapshot: RankedSnapshot) -> [String: Any] {
        ["title": snapshot.snapshot.title, "date": dateView(snapshot.date), "url": links.snapshot(snapshot.date)]
    }
}
