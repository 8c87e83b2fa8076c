/// One model in a scatter chart.
struct ChartPoint: Sendable, Hashable {
    let label: String
    let x: Double
    let y: Double
    let highlighted: Bool

    init(_ label: String, x: Double, y: Double, highlighted: Bool = false) {
        self.label = label
        self.x = x
        self.y = y
        self.highlighted = highlighted
    }
}

/// Quality against price or speed: every model a labelled point, the Pareto frontier (best
/// trade-offs) a dashed line through its points, highlighted models a diamond with a bold label.
/// An axis is logarithmic when asked, or when `nil` and `LogScale.isSuitable` says so. Points
/// that cannot be drawn (non-finite, or ≤ 0 on a log axis) are left out; the table has them.
struct ScatterChart: Sendable {
    let title: String
    let description: String
    let xLabel: String
    let yLabel: String
    let points: [ChartPoint]
    let xBetter: Metric.Better
    let yBetter: Metric.Better
    let xLog: Bool?
    let yLog: Bool?
    let width: Double
    let height: Double
    let id: String?
    /// What highlighted points are, in the key ("this model" on a review, "reviewed" on a leaderboard).
    let highlightLabel: String

    static let labelFontSize = 12.0
    static let labelHeight = 15.0
    static let pointRadius = 5.0
    static let highlightRadius = 7.0

    init(title: String, description: String, xLabel: String, yLabel: String, points: [ChartPoint],
         xBetter: Metric.Better, yBetter: Metric.Better, xLog: Bool? = nil, yLog: Bool? = nil,
         width: Double = 600, height: Double = 420, id: String? = nil, highlightLabel: String = "this model") {
        self.highlightLabel = highlightLabel
        self.title = title
        self.description = description
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.points = points
        self.xBetter = xBetter
        self.yBetter = yBetter
        self.xLog = xLog
        self.yLog = yLog
        self.width = width
        self.height = height
        self.id = id
    }

    func svg() -> String {
        let layout = layout()
        let plot = layout.plot
        var body: [SVG.Element] = []
        body += Axes.bottom(layout.xScale, ticks: layout.xTicks, plot: plot,
                            title: ScatterChart.axisTitle(xLabel, log: layout.xIsLog, better: xBetter))
        body += Axes.left(layout.yScale, ticks: layout.yTicks, plot: plot,
                          title: ScatterChart.axisTitle(yLabel, log: layout.yIsLog, better: yBetter), titleX: 16)
        body.append(contentsOf: legend(layout))

        let centre = { (i: Int) in (x: layout.xScale(points[i].x), y: layout.yScale(points[i].y)) }
        if layout.frontier.count >= 2 {
            body.append(SVG.Element("path", [
                "class": "chart-frontier", "d": SVGPath.polyline(layout.frontier.map(centre)).data,
                "fill": "none", "stroke": "currentColor", "stroke-width": 2, "stroke-dasharray": "6 4",
            ]))
        }
        let onFrontier = Set(layout.frontier)
        var marks: [SVG.Element] = [], leaders: [SVG.Element] = [], labels: [SVG.Element] = []
        for i in layout.drawn {
            let point = points[i], c = centre(i)
            marks.append(ScatterChart.marker(x: c.x, y: c.y, highlighted: point.highlighted, frontier: onFrontier.contains(i)))
            guard let placement = layout.labels[i], let text = layout.labelTexts[i] else { continue }
            let box = placement.box
            if abs(box.midY - c.y) > 6 {
                leaders.append(SVG.Element("line", [
                    "class": "chart-leader", "x1": c.x, "y1": c.y,
                    "x2": placement.leftSide ? box.maxX : box.minX, "y2": box.midY,
                    "stroke": "currentColor", "stroke-opacity": ".45",
                ]))
            }
            labels.append(Axes.text(text, x: placement.leftSide ? box.maxX : box.minX, y: box.midY + 4.2,
                                    anchor: placement.leftSide ? "end" : "start",
                                    className: point.highlighted ? "chart-label chart-label-highlight" : "chart-label",
                                    fontSize: ScatterChart.labelFontSize, bold: point.highlighted))
        }
        if layout.drawn.isEmpty {
            body.append(Axes.text("No data", x: plot.midX, y: plot.midY, anchor: "middle", className: "chart-empty"))
        }
        body += leaders + marks + labels
        return ChartDocument(kind: "scatter", title: title, description: summary(layout), width: width, height: height,
                             body: body, id: id).render()
    }

    static func axisTitle(_ label: String, log: Bool, better: Metric.Better) -> String {
        [label, (log ? "log scale, " : "") + Axes.betterNote(better)].filter { !$0.isEmpty }.joined(separator: " · ")
    }

    static func marker(x: Double, y: Double, highlighted: Bool, frontier: Bool) -> SVG.Element {
        let className = "chart-point" + (frontier ? " chart-frontier" : "") + (highlighted ? " chart-highlight" : "")
        let shape = highlighted
            ? SVG.Element("path", ["class": className, "d": SVGPath.diamond(x: x, y: y, radius: highlightRadius).data])
            : SVG.Element("circle", ["class": className, "cx": x, "cy": y, "r": pointRadius])
        return shape.with("fill", "currentColor").with("stroke", frontier ? "currentColor" : nil)
            .with("stroke-width", frontier ? 2 : nil).with("stroke-opacity", frontier ? ".5" : nil)
    }

    /// The key names shapes as well as colours, so it reads without colour vision.
    private func legend(_ layout: Layout) -> [SVG.Element] {
        var items: [(marker: SVG.Element, text: String)] = [
            (ScatterChart.marker(x: 0, y: 0, highlighted: false, frontier: false), "model"),
        ]
        if layout.drawn.contains(where: { points[$0].highlighted }) {
            items.append((ScatterChart.marker(x: 0, y: 0, highlighted: true, frontier: false), highlightLabel))
        }
        if layout.frontier.count >= 2 {
            var line = SVGPath(); line.move(-9, 0); line.line(9, 0)
            // The explanation goes where the key would run past the edge (a phone-width drawing); the caption gives it too.
            let long = "Pareto frontier (best trade-offs)"
            let used = items.reduce(layout.plot.minX) { $0 + 40 + TextMetrics.width($1.text, fontSize: ChartStyle.smallFontSize) }
            let fits = used + 24 + TextMetrics.width(long, fontSize: ChartStyle.smallFontSize) <= width - 4
            items.append((SVG.Element("path", ["class": "chart-frontier", "d": line.data, "fill": "none",
                                               "stroke": "currentColor", "stroke-width": 2, "stroke-dasharray": "6 4"]),
                          fits ? long : "Pareto frontier"))
        }
        var x = layout.plot.minX
        var elements: [SVG.Element] = []
        for item in items {
            elements.append(SVG.group(["class": "chart-legend-key", "transform": "translate(\(SVG.number(x + 9)) 14)"], [item.marker]))
            elements.append(Axes.text(item.text, x: x + 24, y: 18.5, anchor: "start", className: "chart-legend chart-muted",
                                      fontSize: ChartStyle.smallFontSize))
            x += 24 + TextMetrics.width(item.text, fontSize: ChartStyle.smallFontSize) + 16
        }
        return elements
    }

    private func summary(_ layout: Layout) -> String {
        guard description.isEmpty else { return description }
        var text = "\(layout.drawn.count) models, \(yLabel) against \(xLabel)."
        if !layout.frontier.isEmpty {
            text += " Best trade-offs (Pareto frontier): " + layout.frontier.map { points[$0].label }.joined(separator: ", ") + "."
        }
        return text
    }
}
