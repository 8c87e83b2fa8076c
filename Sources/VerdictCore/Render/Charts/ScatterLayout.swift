/// Scatter geometry: scales, ticks, frontier and label placement, apart from the drawing.
extension ScatterChart {
    /// Where everything goes; `svg()` only draws it. Separate so tests can check the geometry.
    struct Layout: Sendable {
        let plot: ChartRect
        let xScale: any ChartScale
        let yScale: any ChartScale
        let xTicks: [Double]
        let yTicks: [Double]
        /// Indices into `points` of the points drawn, in drawing order.
        let drawn: [Int]
        /// Indices into `points`, ordered along x.
        let frontier: [Int]
        /// Label placement per index into `points`.
        let labels: [Int: LabelPlacer.Placement]
        let labelTexts: [Int: String]
        var xIsLog: Bool { xScale is LogScale }
        var yIsLog: Bool { yScale is LogScale }
    }

    static let tickCount = 5

    func layout() -> Layout {
        let logX = ScatterChart.wantsLog(xLog, points.map(\.x))
        let logY = ScatterChart.wantsLog(yLog, points.map(\.y))
        let drawable = points.indices.filter { i in
            let p = points[i]
            return p.x.isFinite && p.y.isFinite && (!logX || p.x > 0) && (!logY || p.y > 0)
        }
        let xDomain = ScatterChart.domain(drawable.map { points[$0].x }, log: logX)
        let yDomain = ScatterChart.domain(drawable.map { points[$0].y }, log: logY)
        let yTicks = logY ? Ticks.log(yDomain.lowerBound, yDomain.upperBound, count: Self.tickCount)
                          : Ticks.linear(yDomain.lowerBound, yDomain.upperBound, count: Self.tickCount)
        let plotX = 30 + Axes.tickLabelWidth(yTicks) + Axes.tickLabelGap
        let plot = ChartRect(x: plotX, y: 34, width: width - plotX - 14, height: height - 34 - 50)
        let xScale: any ChartScale = logX ? LogScale(domain: xDomain, range: plot.minX...plot.maxX)
                                          : LinearScale(domain: xDomain, range: plot.minX...plot.maxX)
        let yScale: any ChartScale = logY ? LogScale(domain: yDomain, range: plot.minY...plot.maxY, reversed: true)
                                          : LinearScale(domain: yDomain, range: plot.minY...plot.maxY, reversed: true)
        let xTicks = xScale.ticks(count: Self.tickCount)

        let frontier = ParetoFrontier.points(drawable.map { (points[$0].x, points[$0].y) }, xBetter: xBetter, yBetter: yBetter)
            .map { drawable[$0] }
        let onFrontier = Set(frontier)

        let centres = Dictionary(uniqueKeysWithValues: drawable.map { ($0, (x: xScale(points[$0].x), y: yScale(points[$0].y))) })
        let markers = drawable.map { i -> ChartRect in
            // Half a unit of clearance keeps the largest marker inside the label offset (8).
            let r = (points[i].highlighted ? Self.highlightRadius : Self.pointRadius) + 0.5
            return ChartRect(x: centres[i]!.x - r, y: centres[i]!.y - r, width: 2 * r, height: 2 * r)
        }
        let frontierLine = frontier.count >= 2 ? ScatterChart.samples(along: frontier.map { centres[$0]! }) : []
        // Highlighted models first, then the frontier, then top to bottom: the labels readers look
        // for get the spots next to their points unless that pushes another label far away.
        let order = drawable.sorted { a, b in
            let pa = points[a], pb = points[b]
            if pa.highlighted != pb.highlighted { return pa.highlighted }
            if onFrontier.contains(a) != onFrontier.contains(b) { return onFrontier.contains(a) }
            if centres[a]!.y != centres[b]!.y { return centres[a]!.y < centres[b]!.y }
            if centres[a]!.x != centres[b]!.x { return centres[a]!.x < centres[b]!.x }
            return a < b
        }
        var texts: [Int: String] = [:]
        var requests: [LabelPlacer.Request] = []
        for i in points.indices {
            let bold = points[i].highlighted
            let text = TextMetrics.truncate(points[i].label, toWidth: 200, fontSize: Self.labelFontSize, bold: bold)
            texts[i] = text
            requests.append(LabelPlacer.Request(anchorX: centres[i]?.x ?? 0, anchorY: centres[i]?.y ?? 0,
                                                width: TextMetrics.width(text, fontSize: Self.labelFontSize, bold: bold),
                                                height: Self.labelHeight))
        }
        // Labels may hang a little below the x axis line, above the tick labels.
        let bounds = ChartRect(x: plot.minX + 2, y: plot.minY - 8, width: width - plot.minX - 4, height: plot.height + 16)
        // Unlabelled points are obstacles only; placing empty labels would make crowded charts quadratic.
        let labelled = order.filter { !(texts[$0] ?? "").isEmpty }
        let labels = LabelPlacer.placeAll(requests, order: labelled, bounds: bounds, obstacles: markers + frontierLine)
        // Highlighted points are drawn last so nothing covers them.
        let drawn = drawable.filter { !points[$0].highlighted } + drawable.filter { points[$0].highlighted }
        return Layout(plot: plot, xScale: xScale, yScale: yScale, xTicks: xTicks, yTicks: yTicks, drawn: drawn,
                      frontier: frontier, labels: labels, labelTexts: texts.filter { labels[$0.key] != nil })
    }

    /// Small boxes every few units along a polyline, so labels avoid it as they avoid points.
    static func samples(along line: [(x: Double, y: Double)], every spacing: Double = 3) -> [ChartRect] {
        var boxes: [ChartRect] = []
        for (a, b) in zip(line, line.dropFirst()) {
            let length = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
            let steps = max(1, Int((length / spacing).rounded(.up)))
            for step in 0...steps {
                let t = Double(step) / Double(steps)
                boxes.append(ChartRect(x: a.x + t * (b.x - a.x) - 1, y: a.y + t * (b.y - a.y) - 1, width: 2, height: 2))
            }
        }
        return boxes
    }

    static func wantsLog(_ requested: Bool?, _ values: [Double]) -> Bool {
        let finite = values.filter(\.isFinite)
        switch requested {
        case .some(true): return !finite.isEmpty && finite.allSatisfy { $0 > 0 }
        case .some(false): return false
        case .none: return LogScale.isSuitable(for: finite)
        }
    }

    static func domain(_ values: [Double], log: Bool) -> ClosedRange<Double> {
        guard let low = values.min(), let high = values.max() else { return 0...1 }
        return log ? (low...high).niceLog(count: tickCount) : (low...high).nice(count: tickCount)
    }
}
