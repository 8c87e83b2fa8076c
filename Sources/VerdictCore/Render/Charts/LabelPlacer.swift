/// Places point labels beside their points without overlapping one another or the points.
/// Each label tries the right and then the left side of its point; on each side it starts level
/// with the point and slides down, or up, past whatever it hits. The nearest clear spot inside
/// the bounds wins; if none is inside, the nearest clear spot anyway, so overlaps never happen.
struct LabelPlacer: Sendable {
    struct Placement: Sendable, Equatable {
        let box: ChartRect
        /// True when the label sits left of its point (text anchored at its end).
        let leftSide: Bool
        /// How far the label is from its ideal spot; out of bounds costs far more than any move.
        let cost: Double
    }

    struct Request: Sendable, Equatable {
        let anchorX: Double
        let anchorY: Double
        let width: Double
        let height: Double
    }

    let bounds: ChartRect
    /// Space between a point's centre and its label, and between stacked labels.
    var offset = 8.0
    var gap = 1.0
    private(set) var occupied: [ChartRect]

    init(bounds: ChartRect, obstacles: [ChartRect] = []) {
        self.bounds = bounds
        self.occupied = obstacles
    }

    mutating func place(_ request: Request) -> Placement {
        var best: Placement?
        for leftSide in [false, true] {
            let x = leftSide ? request.anchorX - offset - request.width : request.anchorX + offset
            let start = request.anchorY - request.height / 2
            for downwards in [true, false] {
                let box = slide(ChartRect(x: x, y: start, width: request.width, height: request.height), downwards: downwards)
                var cost = abs(box.y - start) + (leftSide ? 0.5 : 0)
                if !bounds.contains(box) { cost += 1e6 }
                if best == nil || cost < best!.cost { best = Placement(box: box, leftSide: leftSide, cost: cost) }
            }
        }
        occupied.append(best!.box)
        return best!
    }

    mutating func place(anchorX: Double, anchorY: Double, width: Double, height: Double) -> Placement {
        place(Request(anchorX: anchorX, anchorY: anchorY, width: width, height: height))
    }

    /// Moves the box past every occupied box it overlaps; each move passes one box's edge in a
    /// single direction, so this ends after at most `occupied.count` moves.
    private func slide(_ box: ChartRect, downwards: Bool) -> ChartRect {
        var box = box
        // The box only moves up or down, so only boxes overlapping its columns can ever be hit: a
        // leaderboard's scatter has 500 points to slide past, for every label and every retry.
        let column = occupied.filter { $0.minX < box.maxX && box.minX < $0.maxX }
        while true {
            // The farthest edge among the boxes hit, found in one pass.
            var edge: Double?
            for other in column where other.overlaps(box) {
                edge = downwards ? max(edge ?? other.maxY, other.maxY) : min(edge ?? other.minY, other.minY)
            }
            guard let edge else { return box }
            box.y = downwards ? edge + gap : edge - gap - box.height
        }
    }

    /// Places every request, first in `order`, then again with each badly displaced label moved
    /// to the front, keeping an order only when the total displacement drops. One greedy pass
    /// can push a label far away just because a neighbour took its spot; this undoes most of that.
    static func placeAll(_ requests: [Request], order: [Int], bounds: ChartRect, obstacles: [ChartRect],
                         retries: Int = 8) -> [Int: Placement] {
        func run(_ order: [Int]) -> (placements: [Int: Placement], cost: Double) {
            var placer = LabelPlacer(bounds: bounds, obstacles: obstacles)
            var placements: [Int: Placement] = [:]
            for index in order { placements[index] = placer.place(requests[index]) }
            // Summed in key order: dictionary order changes from run to run, and so would the
            // floating-point total, which decides between layouts.
            return (placements, placements.keys.sorted().reduce(0) { $0 + placements[$1]!.cost })
        }
        var bestOrder = order
        var best = run(order)
        var tried: Set<Int> = []
        for _ in 0..<retries {
            let worst = best.placements
                .filter { !tried.contains($0.key) && $0.value.cost > requests[$0.key].height }
                .max { ($0.value.cost, -$0.key) < ($1.value.cost, -$1.key) }
            guard let worst else { break }
            tried.insert(worst.key)
            let candidate = [worst.key] + bestOrder.filter { $0 != worst.key }
            let attempt = run(candidate)
            if attempt.cost < best.cost {
                best = attempt
                bestOrder = candidate
            }
        }
        return best.placements
    }
}
