import VerdictTemplates

/// Charts for the leaderboard and review pages: static SVG made at build time. The numbers behind
/// every chart are also in the page's tables.
extension Renderer {
    /// Points are labelled for the leaders and for reviewed models up to this many; more would overlap.
    static let labelledPoints = 12

    /// A scatter of the ranking metric against each cost and speed metric, plus a bar chart of the ranking metric.
    func snapshotCharts(_ snapshot: RankedSnapshot) -> TemplateValue {
        let board = snapshot.leaderboard
        let quality = board.metric
        let labelled = Set(board.entries.prefix(Renderer.labelledPoints).map(\.result.model))
        var charts: [TemplateValue] = []
        for metric in snapshot.snapshot.metrics where metric.group == "cost" || metric.group == "speed" {
            let points = board.entries.compactMap { entry -> ChartPoint? in
                guard let y = entry.value, let x = entry.result.scores[metric.id] else { return nil }
                return ChartPoint(labelled.contains(entry.result.model) ? entry.result.name : "", x: x, y: y,
                                  highlighted: site.review(model: entry.result.model) != nil && labelled.contains(entry.result.model))
            }
            guard points.count >= 2 else { continue }
            let title = "\(quality.name) against \(metric.name.lowercased())"
            let svg = ResponsiveChart.html { width, suffix in
                ScatterChart(title: title, description: "", xLabel: axisLabel(metric), yLabel: axisLabel(quality),
                             points: points, xBetter: metric.better, yBetter: quality.better,
                             width: width, id: "chart-\(quality.id)-\(metric.id)\(suffix)", highlightLabel: "reviewed").svg()
            }
            charts.append(["title": .text(title), "svg": .html(svg),
                           "caption": .text("Each point is a model; the dashed line joins the models no other beats on both axes. The top \(Renderer.labelledPoints) are labelled; reviewed models are diamonds.")])
        }
        let bars = board.entries.prefix(25).compactMap { entry in
            entry.value.map { ChartBar(entry.result.name, value: $0, highlighted: site.review(model: entry.result.model) != nil) }
        }
        if !bars.isEmpty {
            let title = "\(quality.name), top \(bars.count)"
            let svg = ResponsiveChart.html { width, suffix in
                BarChart(title: title, description: "", unit: quality.unit, bars: bars, better: quality.better,
                         decimals: board.decimals, width: width, id: "chart-\(quality.id)-bars\(suffix)").svg()
            }
            charts.append(["title": .text(title), "svg": .html(svg), "caption": "Reviewed models are highlighted."])
        }
        return .list(charts)
    }

    private func axisLabel(_ metric: Metric) -> String {
        metric.unit.isEmpty ? metric.name : "\(metric.name) (\(metric.unit))"
    }

    /// The model's leaderboard rank over every snapshot holding it, and its metrics against its tier's median.
    func reviewCharts(_ review: Review, _ standing: Standing) -> TemplateValue {
        let model = review.meta.model
        let (holding, newest) = (standing.holding, standing.newest)
        var charts: [TemplateValue] = []
        let ranks = holding.compactMap { snapshot in
            snapshot.leaderboard.rank(of: model).map { (label: snapshot.date.longDescription, value: Double($0)) }
        }
        if ranks.count >= 2 {
            let title = "Rank on \(newest.leaderboard.metric.name.lowercased()) over time"
            let svg = ResponsiveChart.compact { width, suffix in
                LineChart(title: title, description: "", points: ranks, invertY: true, yLabel: "Rank",
                          width: width, id: "chart-\(review.slug)-rank\(suffix)").svg()
            }
            charts.append(["title": .text(title), "svg": .html(svg), "caption": "Rank 1 is at the top; the table below gives each snapshot's rank and score."])
        }
        let reference = standing.medianTier.map { "median of the \($0) tier" } ?? "median of all models"
        let rows = newest.snapshot.metrics.map { metric -> ComparisonBars.Row in
            // One scale per metric for every review: zero to the snapshot's highest value.
            let ranking = newest.ranking(metric.id)!
            let extent = ranking.worst.flatMap { worst in ranking.best.map { min(worst, $0)...max(worst, $0) } }
            return ComparisonBars.Row(metric.name, value: standing.result.scores[metric.id], reference: standing.medians[metric.id],
                                      unit: metric.unit, better: metric.better, extent: extent, decimals: ranking.decimals)
        }
        let title = "\(review.meta.title) against the \(reference)"
        let svg = ResponsiveChart.compact { width, suffix in
            ComparisonBars(title: title, description: "", rows: rows, referenceLabel: reference, shortReferenceLabel: "median",
                           width: width, id: "chart-\(review.slug)-tier\(suffix)").svg()
        }
        charts.append(["title": .text(title), "svg": .html(svg), "caption": .text("From \(newest.snapshot.title); the medians are also in the metrics table.")])
        return .list(charts)
    }
}
