/// One row of a bar chart.
struct ChartBar: Sendable, Hashable {
    let label: String
    let value: Double
    let highlighted: Bool

    init(_ label: String, value: Double, highlighted: Bool = false) {
        self.label = label
        self.value = value
        self.highlighted = highlighted
    }
}

/// Horizontal bars in the order given: names left, bars from zero, each value printed after its
/// bar (formatted as in the tables). Highlighted bars are coloured and their name and value
/// bold. A non-finite value gets a "—" and no bar.
struct BarChart: Sendable {
    let title: String
    let description: String
    let unit: String
    let bars: [ChartBar]
    let better: Metric.Better
    /// The snapshot's decimals for the metric (`Ranking.decimals`), so labels match the tables; nil: the general format.
    let decimals: Int?
    let width: Double
    let id: String?

    static let rowHeight = 26.0
    static let barHeight = 16.0
    static let top = 6.0
    static let bottom = 48.0

    init(title: String, description: String, unit: String, bars: [ChartBar], better: Metric.Better,
         decimals: Int? = nil, width: Double = 600, id: String? = nil) {
        self.title = title
        self.description = description
        self.unit = unit
        self.bars = bars
        self.better = better
        self.decimals = decimals
        self.width = width
        self.id = id
    }

    var height: Double { BarChart.top + Double(max(bars.count, 1)) * BarChart.rowHeight + BarChart.bottom }

    func valueText(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        return decimals.map { Format.value(value, unit: unit, decimals: $0) } ?? Format.value(value, unit: unit)
    }

    struct Layout: Sendable {
        let plot: ChartRect
        let scale: LinearScale
        let ticks: [Double]
        let labels: [String]
    }

    func layout() -> Layout {
        let font = ChartStyle.fontSize
        let labelWidths = bars.map { TextMetrics.width($0.label, fontSize: font, bold: $0.highlighted) }
        let labelColumn = min(labelWidths.max() ?? 0, width * 0.38)
        let valueColumn = bars.map { TextMetrics.width(valueText($0.value), fontSize: font, bold: $0.highlighted) }.max() ?? 0
        let plot = ChartRect(x: 8 + labelColumn + 8, y: BarChart.top,
                             width: max(40, width - labelColumn - 16 - valueColumn - 12),
                             height: Double(max(bars.count, 1)) * BarChart.rowHeight)
        let values = bars.map(\.value).filter(\.isFinite)
        let domain = (min(0, values.min() ?? 0)...max(0, values.max() ?? 1)).nice(count: 5)
        let scale = LinearScale(domain: domain, range: plot.minX...plot.maxX)
        let labels = bars.map { TextMetrics.truncate($0.label, toWidth: labelColumn, fontSize: font, bold: $0.highlighted) }
        return Layout(plot: plot, scale: scale, ticks: scale.ticks(count: 5), labels: labels)
    }

    func svg() -> String {
        let layout = layout()
        let plot = layout.plot, scale = layout.scale
        var body = Axes.bottom(scale, ticks: layout.ticks, plot: plot,
                               title: [unit, Axes.betterNote(better)].filter { !$0.isEmpty }.joined(separator: " · "))
        let zero = scale(0)
        for (index, bar) in bars.enumerated() {
            let rowTop = plot.minY + Double(index) * BarChart.rowHeight
            let centre = rowTop + BarChart.rowHeight / 2
            let className = bar.highlighted ? "chart-bar chart-highlight" : "chart-bar"
            var end = zero
            if bar.value.isFinite {
                let x = scale(bar.value)
                end = max(x, zero)
                body.append(SVG.Element("rect", [
                    "class": className, "x": min(x, zero), "y": centre - BarChart.barHeight / 2,
                    "width": abs(x - zero), "height": BarChart.barHeight, "fill": "currentColor",
                ]))
            }
            let textClass = bar.highlighted ? " chart-label-highlight" : ""
            body.append(Axes.text(layout.labels[index], x: plot.minX - 8, y: centre + 4.5, anchor: "end",
                                  className: "chart-label" + textClass, bold: bar.highlighted))
            body.append(Axes.text(valueText(bar.value), x: end + 6, y: centre + 4.5, anchor: "start",
                                  className: "chart-value" + textClass, bold: bar.highlighted))
        }
        body.append(Axes.gridLine(x1: zero, y1: plot.minY, x2: zero, y2: plot.maxY, axis: true))
        let summary = description.isEmpty
            ? bars.map { "\($0.label): \(valueText($0.value))" }.joined(separator: "; ") + " (\(Axes.betterNote(better)))."
            : description
        return ChartDocument(kind: "bar", title: title, description: summary, width: width, height: height,
                             body: body, id: id).render()
    }
}
