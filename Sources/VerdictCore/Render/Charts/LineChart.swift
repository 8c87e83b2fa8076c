/// A model's score or rank across snapshots: points evenly spaced in the order given, joined by a
/// line, each with a marker and its value. With `invertY` smaller values are drawn higher, so
/// rank 1 is at the top. Whole-number data (ranks) gets whole-number ticks.
struct LineChart: Sendable {
    let title: String
    let description: String
    let points: [(label: String, value: Double)]
    let invertY: Bool
    let yLabel: String
    let unit: String
    let width: Double
    let height: Double
    let id: String?

    init(title: String, description: String, points: [(label: String, value: Double)], invertY: Bool,
         yLabel: String = "", unit: String = "", width: Double = 600, height: Double = 220, id: String? = nil) {
        self.title = title
        self.description = description
        self.points = points
        self.invertY = invertY
        self.yLabel = yLabel
        self.unit = unit
        self.width = width
        self.height = height
        self.id = id
    }

    struct Layout: Sendable {
        let plot: ChartRect
        let scale: LinearScale
        let ticks: [Double]
        /// Horizontal position of every point, and the centre of each point with a finite value.
        let xs: [Double]
        let centres: [Int: (x: Double, y: Double)]
        /// Indices whose x label / value label are drawn (all of them unless they would collide).
        let xLabelled: [Int]
        let valueLabelled: [Int]
    }

    func valueText(_ value: Double) -> String { Format.value(value, unit: unit) }

    func layout() -> Layout {
        let font = ChartStyle.fontSize
        let values = points.map(\.value).filter(\.isFinite)
        let integers = !values.isEmpty && values.allSatisfy { $0 == $0.rounded() }
        let domain = domain(values, integers: integers)
        var ticks = Ticks.linear(domain.lowerBound, domain.upperBound, count: 4, integers: integers)
        if invertY, let first = ticks.first, first > domain.lowerBound { ticks.insert(domain.lowerBound, at: 0) }

        let titleRoom = yLabel.isEmpty ? 8.0 : 30.0
        let left = titleRoom + Axes.tickLabelWidth(ticks) + Axes.tickLabelGap
        let edgeLabels = [points.first?.label, points.last?.label].compactMap { $0 }
        let inset = max(14, (edgeLabels.map { TextMetrics.width($0, fontSize: font) }.max() ?? 0) / 2 + 2)
        let plot = ChartRect(x: left, y: 26, width: width - left - 12, height: height - 26 - 32)
        let scale = LinearScale(domain: domain, range: plot.minY...plot.maxY, reversed: !invertY)

        let n = points.count
        let step = n > 1 ? (plot.width - 2 * inset) / Double(n - 1) : 0
        let xs = points.indices.map { n > 1 ? plot.minX + inset + Double($0) * step : plot.midX }
        var centres: [Int: (x: Double, y: Double)] = [:]
        for (i, point) in points.enumerated() where point.value.isFinite {
            centres[i] = (xs[i], scale(point.value))
        }

        let widestX = points.map { TextMetrics.width($0.label, fontSize: font) }.max() ?? 0
        let stride = n > 1 ? max(1, Int(((widestX + 8) / step).rounded(.up))) : 1
        var xLabelled = Array(Swift.stride(from: 0, to: n, by: stride))
        if let last = xLabelled.last, last != n - 1 {
            if Double(n - 1 - last) * step < widestX + 8 { xLabelled.removeLast() }
            xLabelled.append(n - 1)
        }

        let widestValue = points.map { TextMetrics.width(valueText($0.value), fontSize: font) }.max() ?? 0
        var valueLabelled = centres.keys.sorted()
        if n > 1 && widestValue + 6 > step {
            // Too tight for every value: keep the ends and the extremes, which tell the story.
            let finite = valueLabelled
            let extremes = [finite.first, finite.last,
                            finite.min { (points[$0].value, $0) < (points[$1].value, $1) },
                            finite.max { (points[$0].value, -$0) < (points[$1].value, -$1) }].compactMap { $0 }
            valueLabelled = Array(Set(extremes)).sorted()
        }
        return Layout(plot: plot, scale: scale, ticks: ticks, xs: xs, centres: centres, xLabelled: xLabelled, valueLabelled: valueLabelled)
    }

    private func domain(_ values: [Double], integers: Bool) -> ClosedRange<Double> {
        guard var low = values.min(), var high = values.max() else { return 0...1 }
        if integers && high - low < 2 { low -= 1; high += 1 }
        var domain = (low...high).nice(count: 4)
        // Ranks start at 1; an axis from 0 would show a rank nobody can hold.
        if invertY, values.allSatisfy({ $0 >= 1 }), domain.lowerBound < 1 { domain = 1...max(domain.upperBound, 2) }
        return domain
    }

    func svg() -> String {
        let layout = layout()
        let plot = layout.plot
        var body = Axes.left(layout.scale, ticks: layout.ticks, plot: plot, title: yLabel, titleX: 16)
        body.append(Axes.gridLine(x1: plot.minX, y1: plot.maxY, x2: plot.maxX, y2: plot.maxY, axis: true))
        let ordered = layout.centres.keys.sorted().map { layout.centres[$0]! }
        if ordered.count >= 2 {
            body.append(SVG.Element("path", ["class": "chart-line", "d": SVGPath.polyline(ordered).data,
                                             "fill": "none", "stroke": "currentColor", "stroke-width": 2]))
        }
        for i in layout.centres.keys.sorted() {
            let c = layout.centres[i]!
            body.append(SVG.Element("circle", ["class": "chart-point", "cx": c.x, "cy": c.y, "r": 4.5, "fill": "currentColor"]))
        }
        for i in layout.valueLabelled {
            let c = layout.centres[i]!
            body.append(Axes.text(valueText(points[i].value), x: c.x, y: c.y - 9, anchor: "middle", className: "chart-value"))
        }
        for i in layout.xLabelled {
            body.append(Axes.text(points[i].label, x: layout.xs[i], y: plot.maxY + 18, anchor: "middle", className: "chart-tick"))
        }
        if layout.centres.isEmpty {
            body.append(Axes.text("No data", x: plot.midX, y: plot.midY, anchor: "middle", className: "chart-empty"))
        }
        let summary = description.isEmpty
            ? points.map { "\($0.label): \($0.value.isFinite ? valueText($0.value) : "—")" }.joined(separator: "; ") + "."
            : description
        return ChartDocument(kind: "line", title: title, description: summary, width: width, height: height,
                             body: body, id: id).render()
    }
}
