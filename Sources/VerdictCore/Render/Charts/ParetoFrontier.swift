/// The points no other point beats on both axes: the best trade-offs between, say, quality and
/// price. A point is dropped only when another is at least as good on both axes and strictly
/// better on one, so identical points are all kept.
enum ParetoFrontier {
    /// Indices of the frontier, ordered by x ascending (then y ascending, then index). Points
    /// with a non-finite coordinate are never on it.
    static func points(_ points: [(x: Double, y: Double)], xBetter: Metric.Better, yBetter: Metric.Better) -> [Int] {
        // Flip signs so that "higher is better" holds on both axes.
        let xs = points.map { xBetter == .higher ? $0.x : -$0.x }
        let ys = points.map { yBetter == .higher ? $0.y : -$0.y }
        let candidates = points.indices.filter { xs[$0].isFinite && ys[$0].isFinite }
        let frontier = candidates.filter { i in
            !candidates.contains { j in
                xs[j] >= xs[i] && ys[j] >= ys[i] && (xs[j] > xs[i] || ys[j] > ys[i])
            }
        }
        return frontier.sorted { a, b in
            if points[a].x != points[b].x { return points[a].x < points[b].x }
            if points[a].y != points[b].y { return points[a].y < points[b].y }
            return a < b
        }
    }
}
