import Foundation

/// Data downloads: `/api/models.json`, `/api/leaderboard.json` and `/benchmarks/<date>.csv`.
/// Their format is versioned (`"version": 1`) and documented in the README; change it only with a new version.
extension Renderer {
    static let dataVersion = 1

    struct ItemData: Encodable {
        let title: String
        let tags: [String]
        let url: String
    }

    struct BenchmarkData: Encodable {
        let snapshot: String
        let rankBy: String
        @ExplicitNull var rank: Int?
        let of: Int
        let scores: [String: Double?]
        let stderr: [String: Double]
    }

    struct ModelData: Encodable {
        let slug: String
        let url: String
        let title: String
        let model: String
        let vendor: String
        @ExplicitNull var family: String?
        @ExplicitNull var tier: String?
        @ExplicitNull var released: String?
        let published: String
        let reviewed: String
        let summary: String
        @ExplicitNull var verdict: String?
        let alternatives: [String]
        let aliases: [String]
        let strengths: [ItemData]
        let weaknesses: [ItemData]
        let useCases: [ItemData]
        @ExplicitNull var benchmark: BenchmarkData?
    }

    func modelsAPI() -> Data {
        struct File<Models: Encodable>: Encodable {
            let version: Int
            let site: String
            let updated: String?
            let models: Models
        }
        let models = site.reviews.sorted { $0.slug < $1.slug }.lazy.map(modelData)
        let (base, updated) = (site.config.baseURL, newestDate?.description)
        return DataEncoding.json(models) { File(version: Renderer.dataVersion, site: base, updated: updated, models: $0) }
    }

    private func modelData(_ review: Review) -> ModelData {
        let url = links.absolute("/models/\(review.slug)/")
        let items = { (role: Section.Role) in
            review.items(role).map { ItemData(title: $0.title, tags: $0.tags, url: url + "#" + $0.anchor) }
        }
        var benchmark: BenchmarkData?
        if let newest = site.snapshots(holding: review.meta.model).last, let result = newest.leaderboard.entry(for: review.meta.model)?.result {
            benchmark = BenchmarkData(snapshot: newest.date.description, rankBy: newest.snapshot.rankBy,
                                      rank: newest.leaderboard.rank(of: review.meta.model), of: newest.leaderboard.rankedCount,
                                      scores: scoreMap(result, metrics: newest.snapshot.metrics), stderr: result.stderr)
        }
        let meta = review.meta
        return ModelData(slug: review.slug, url: url, title: meta.title, model: meta.model, vendor: meta.vendor, family: meta.family,
                         tier: meta.tier, released: meta.released?.description, published: meta.published.description,
                         reviewed: meta.reviewed.description, summary: review.summary,
                         verdict: review.verdict?.text,
                         alternatives: meta.alternatives.map(\.value), aliases: meta.aliases.map(\.value), strengths: items(.strengths),
                         weaknesses: items(.weaknesses), useCases: items(.useCases), benchmark: benchmark)
    }

    /// Every metric of the snapshot, `null` where the model was not measured.
    private func scoreMap(_ result: SnapshotResult, metrics: [Metric]) -> [String: Double?] {
        var scores: [String: Double?] = [:]
        for metric in metrics { scores[metric.id] = .some(result.scores[metric.id]) }
        return scores
    }

    func leaderboardAPI() -> Data {
        struct MetricData: Encodable {
            let id: String, name: String, unit: String, better: String
            @ExplicitNull var group: String?
        }
        struct Row: Encodable {
            @ExplicitNull var rank: Int?
            let model: String, name: String
            @ExplicitNull var vendor: String?
            @ExplicitNull var tier: String?
            @ExplicitNull var review: String?
            @ExplicitNull var movement: String?
            let scores: [String: Double?]
            let ranks: [String: Int?]
            /// Only the metrics that have a standard error: most snapshots have none.
            let stderr: [String: Double]
        }
        struct SnapshotRef: Encodable { let date: String, title: String, url: String, csv: String }
        struct File: Encodable {
            let version: Int
            @ExplicitNull var date: String?
            @ExplicitNull var title: String?
            @ExplicitNull var rankBy: String?
            @ExplicitNull var source: String?
            let metrics: [MetricData]
            let results: [Row]
            let snapshots: [SnapshotRef]
        }
        let latest = site.latest
        let rows: [Row] = latest.map { snapshot in
            snapshot.leaderboard.entries.map { entry in
                let model = entry.result.model
                var ranks: [String: Int?] = [:]
                for metric in snapshot.snapshot.metrics { ranks[metric.id] = .some(snapshot.ranking(metric.id)?.rank(of: model)) }
                return Row(rank: entry.rank, model: model, name: entry.result.name, vendor: entry.result.vendor, tier: entry.result.tier,
                           review: site.review(model: model).map { links.absolute("/models/\($0.slug)/") },
                           movement: snapshot.movements?[model]?.dataLabel,
                           scores: scoreMap(entry.result, metrics: snapshot.snapshot.metrics), ranks: ranks,
                           stderr: entry.result.stderr)
            }
        } ?? []
        let file = File(version: Renderer.dataVersion, date: latest?.date.description, title: latest?.snapshot.title,
                        rankBy: latest?.snapshot.rankBy, source: latest?.snapshot.source,
                        metrics: latest?.snapshot.metrics.map { MetricData(id: $0.id, name: $0.name, unit: $0.unit, better: $0.better.rawValue, group: $0.group) } ?? [],
                        results: rows,
                        snapshots: site.snapshots.reversed().map {
                            SnapshotRef(date: $0.date.description, title: $0.snapshot.title, url: links.absolute("/benchmarks/\($0.date)/"),
                                        csv: links.absolute("/benchmarks/\($0.date).csv"))
                        })
        return DataEncoding.json(file)
    }

    /// The ranked table of one snapshot, RFC 4180 (CRLF line ends, quoted where needed). Standard errors
    /// come last, one `<metric>_stderr` column for each metric that has any, so the columns of a
    /// snapshot without them stay as they were.
    func snapshotCSV(_ snapshot: RankedSnapshot) -> String {
        let metrics = snapshot.snapshot.metrics
        let withStderr = metrics.filter { metric in snapshot.snapshot.results.contains { $0.stderr[metric.id] != nil } }
        var rows = [["rank", "model", "name", "vendor", "tier", "movement"] + metrics.map(\.id) + withStderr.map { $0.id + "_stderr" }]
        for entry in snapshot.leaderboard.entries {
            let result = entry.result
            rows.append([entry.rank.map(String.init) ?? "", result.model, result.name, result.vendor ?? "", result.tier ?? "",
                         snapshot.movements?[result.model]?.dataLabel ?? ""]
                        + metrics.map { result.scores[$0.id].map(Format.number) ?? "" }
                        + withStderr.map { result.stderr[$0.id].map(Format.number) ?? "" })
        }
        return rows.map { $0.map(Escape.csv).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}
