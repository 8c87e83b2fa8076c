import Foundation

/// Data downloads: `/api/models.json`, `/api/leaderboard.json` and `/benchmarks/<date>.csv`.
/// Their format is versioned (`"version": 1`) and documented in the README; change it only with a new version.
extension Renderer {
    static let dataVersion = 1

    /// Made and written one model at a time (see `DataStream`).
    func modelsAPI() -> DataStream {
        let reviews = site.reviews.sorted { $0.slug < $1.slug }
        var fields: [(key: String, value: DataJSON)] = [("version", .int(Renderer.dataVersion)), ("site", .string(site.config.baseURL))]
        // Left out, not `null`, when there is no date: as JSONEncoder wrote the optional before.
        if let updated = newestDate?.description { fields.append(("updated", .string(updated))) }
        let (renderer, document) = (self, fields)
        return DataStream { write in
            PrettyJSON.file(document, streaming: "models", elements: reviews.lazy.map(renderer.modelData), flush: write)
        }
    }

    private func modelData(_ review: Review) -> DataJSON {
        let url = links.absolute("/models/\(review.slug)/")
        let items = { (role: Section.Role) -> DataJSON in
            .array(review.items(role).map { item in
                .object([("title", .string(item.title)), ("tags", .strings(item.tags)), ("url", .string(url + "#" + item.anchor))])
            })
        }
        var benchmark = DataJSON.null
        if let newest = site.snapshots(holding: review.meta.model).last, let result = newest.leaderboard.entry(for: review.meta.model)?.result {
            benchmark = .object([
                ("snapshot", .string(newest.date.description)), ("rankBy", .string(newest.snapshot.rankBy)),
                ("rank", .orNull(newest.leaderboard.rank(of: review.meta.model))), ("of", .int(newest.leaderboard.rankedCount)),
                ("scores", scoreMap(result, metrics: newest.snapshot.metrics)), ("stderr", numbers(result.stderr)),
            ])
        }
        let meta = review.meta
        return .object([
            ("slug", .string(review.slug)), ("url", .string(url)), ("title", .string(meta.title)), ("model", .string(meta.model)),
            ("vendor", .string(meta.vendor)), ("family", .orNull(meta.family)), ("tier", .orNull(meta.tier)),
            ("released", .orNull(meta.released?.description)), ("published", .string(meta.published.description)),
            ("reviewed", .string(meta.reviewed.description)), ("summary", .string(review.summary)),
            ("verdict", .orNull(review.verdict?.text)),
            ("alternatives", .strings(meta.alternatives.map(\.value))), ("aliases", .strings(meta.aliases.map(\.value))),
            ("strengths", items(.strengths)), ("weaknesses", items(.weaknesses)), ("useCases", items(.useCases)),
            ("benchmark", benchmark),
        ])
    }

    /// Every metric of the snapshot, `null` where the model was not measured.
    private func scoreMap(_ result: SnapshotResult, metrics: [Metric]) -> DataJSON {
        var scores: [String: Double?] = [:]
        for metric in metrics { scores[metric.id] = .some(result.scores[metric.id]) }
        return .object(scores.map { ($0.key, $0.value.map { .double($0) } ?? .null) })
    }

    private func numbers(_ values: [String: Double]) -> DataJSON {
        .object(values.map { ($0.key, .double($0.value)) })
    }

    func leaderboardAPI() -> Data {
        let latest = site.latest
        let rows: [DataJSON] = latest.map { snapshot in
            snapshot.leaderboard.entries.map { entry in
                let model = entry.result.model
                var ranks: [String: Int?] = [:]
                for metric in snapshot.snapshot.metrics { ranks[metric.id] = .some(snapshot.ranking(metric.id)?.rank(of: model)) }
                return .object([
                    ("rank", .orNull(entry.rank)), ("model", .string(model)), ("name", .string(entry.result.name)),
                    ("vendor", .orNull(entry.result.vendor)), ("tier", .orNull(entry.result.tier)),
                    ("review", .orNull(site.review(model: model).map { links.absolute("/models/\($0.slug)/") })),
                    ("movement", .orNull(snapshot.movements?[model]?.dataLabel)),
                    ("scores", scoreMap(entry.result, metrics: snapshot.snapshot.metrics)),
                    ("ranks", .object(ranks.map { ($0.key, .orNull($0.value)) })),
                    // Only the metrics that have a standard error: most snapshots have none.
                    ("stderr", numbers(entry.result.stderr)),
                ])
            }
        } ?? []
        let metrics: [DataJSON] = latest?.snapshot.metrics.map { metric in
            .object([("id", .string(metric.id)), ("name", .string(metric.name)), ("unit", .string(metric.unit)),
                     ("better", .string(metric.better.rawValue)), ("group", .orNull(metric.group))])
        } ?? []
        let snapshots: [DataJSON] = site.snapshots.reversed().map { snapshot in
            .object([("date", .string(snapshot.date.description)), ("title", .string(snapshot.snapshot.title)),
                     ("url", .string(links.absolute("/benchmarks/\(snapshot.date)/"))),
                     ("csv", .string(links.absolute("/benchmarks/\(snapshot.date).csv")))])
        }
        return Data(PrettyJSON.file(.object([
            ("version", .int(Renderer.dataVersion)), ("date", .orNull(latest?.date.description)), ("title", .orNull(latest?.snapshot.title)),
            ("rankBy", .orNull(latest?.snapshot.rankBy)), ("source", .orNull(latest?.snapshot.source)),
            ("metrics", .array(metrics)), ("results", .array(rows)), ("snapshots", .array(snapshots)),
        ])))
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
