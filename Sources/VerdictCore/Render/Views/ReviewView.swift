import Foundation
import VerdictTemplates

/// `/models/<slug>/`: the review page.
extension Renderer {
    func reviewView(_ route: Route, index: Int) -> TemplateObject {
        let review = site.reviews[index]
        let meta = review.meta
        var context = common(route, title: meta.title, description: review.summary, updated: meta.reviewed)
        var view = reviewSummary(review)
        view["released"] = meta.released.map(dateView) ?? false
        view["published"] = dateView(meta.published)
        view["introHTML"] = review.introHTML.isEmpty ? .null : .html(review.introHTML)
        view["sections"] = .list(review.sections.map { sectionView($0, review: review) })
        let comparisons = site.comparisons(of: index).map { comparison -> TemplateValue in
            let other = site.reviews[comparison.first == index ? comparison.second : comparison.first]
            return ["title": .text(other.meta.title), "url": .text(links.url(comparison.path(in: site.reviews)))]
        }
        let showAlternatives = !comparisons.isEmpty || !meta.alternatives.isEmpty
        var toc: [TemplateValue] = review.sections.map { ["id": .text($0.id), "title": .text($0.title)] }
        toc.append(["id": "benchmarks", "title": "Benchmarks"])
        if showAlternatives { toc.append(["id": "alternatives", "title": "Alternatives"]) }
        view["toc"] = .list(toc)
        view["alternatives"] = .list(meta.alternatives.map { alternativeView($0.value) })
        view["hasAlternatives"] = .bool(!meta.alternatives.isEmpty)
        view["scorecard"] = scorecardView(self.standing(of: review))
        view["facts"] = factsView(meta.facts)
        view["benchmark"] = benchmarkView(review)
        view["jsonLD"] = .html(structuredData(review, url: links.absolute(route.path)))
        view["comparisons"] = .list(comparisons)
        view["hasComparisons"] = .bool(!comparisons.isEmpty)
        view["showAlternatives"] = .bool(showAlternatives)
        context["review"] = .object(view)
        return context
    }

    private func sectionView(_ section: Section, review: Review) -> TemplateValue {
        let parts: [TemplateValue] = section.parts.map { part in
            switch part {
            // Each part states both keys, so a section of plain paragraphs does not leave `item` unknown.
            case .html(let html): return ["html": .html(html), "item": false]
            case .item(let item): return ["html": false, "item": itemView(item, role: section.role, review: review)]
            }
        }
        var view = TemplateObject([
            "id": .text(section.id), "title": .text(section.title), "titleHTML": .html(section.titleHTML),
            "role": .text(section.role.rawValue), "parts": .list(parts),
            "isVerdict": .bool(section.role == .verdict),
        ])
        if section.role.hasItems { view["itemCount"] = .int(section.items.count) }
        return .object(view)
    }

    private func alternativeView(_ model: String) -> TemplateValue {
        let review = site.review(model: model)
        return ["model": .text(model), "name": .text(site.displayName(model: model)),
                "url": review.map { .text(links.review($0.slug)) } ?? false,
                "vendor": review.map { .text($0.meta.vendor) } ?? false]
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

    private func benchmarkView(_ review: Review) -> TemplateValue {
        let model = review.meta.model
        guard let standing = standing(of: review) else { return .null }
        let (holding, newest, result, medians) = (standing.holding, standing.newest, standing.result, standing.medians)
        let rows: [TemplateValue] = newest.snapshot.metrics.map { metric in
            let ranking = newest.ranking(metric.id)!
            let entry = ranking.entry(for: model)
            return [
                "metric": .text(metric.name), "id": .text(metric.id), "unit": .text(metric.unit),
                "value": .text(Format.value(result.scores[metric.id], stderr: result.stderr[metric.id], on: ranking)),
                "better": metric.better == .higher ? "higher is better" : "lower is better",
                "of": .int(ranking.rankedCount),
                "isRankBy": .bool(metric.id == newest.snapshot.rankBy),
                "rank": entry?.rank.map(TemplateValue.int) ?? false,
                "rankOf": .text(Format.rank(entry?.rank, of: ranking.rankedCount)),
                "notMeasured": .bool(result.scores[metric.id] == nil),
                "median": .text(Format.value(medians[metric.id], on: ranking)),
            ]
        }
        var newerData: TemplateValue = .null
        if newest.date > review.meta.reviewed {
            newerData = ["snapshot": .object(snapshotLink(newest)), "reviewed": dateView(review.meta.reviewed)]
        }
        return [
            "snapshot": .object(snapshotLink(newest)),
            "rows": .list(rows),
            "rankBy": .text(newest.snapshot.metric(newest.snapshot.rankBy)?.name ?? newest.snapshot.rankBy),
            "history": .list(holding.reversed().map { historyRow($0, model: model) }),
            "leaderboard": .text(links.url("/benchmarks/leaderboard/")),
            "rank": newest.leaderboard.rank(of: model).map(TemplateValue.int) ?? false,
            "charts": reviewCharts(review, standing),
            "medianOf": .text(standing.medianTier.map { "\($0) tier" } ?? "all models"),
            "of": .int(newest.leaderboard.rankedCount),
            "movement": Format.movement(newest.movements?[model]),
            "newerData": newerData,
        ]
    }

    private func historyRow(_ snapshot: RankedSnapshot, model: String) -> TemplateValue {
        let entry = snapshot.leaderboard.entry(for: model)
        var row = snapshotLink(snapshot)
        row["of"] = .int(snapshot.leaderboard.rankedCount)
        row["rank"] = entry?.rank.map(TemplateValue.int) ?? false
        row["rankOf"] = .text(Format.rank(entry?.rank, of: snapshot.leaderboard.rankedCount))
        row["score"] = .text(Format.value(entry?.value, stderr: entry?.result.stderr[snapshot.leaderboard.metric.id], on: snapshot.leaderboard))
        row["metric"] = .text(snapshot.leaderboard.metric.name)
        row["movement"] = Format.movement(snapshot.movements?[model])
        return .object(row)
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

    func snapshotLink(_ snapshot: RankedSnapshot) -> TemplateObject {
        TemplateObject(["title": .text(snapshot.snapshot.title), "date": dateView(snapshot.date), "url": .text(links.snapshot(snapshot.date))])
    }
}
