/// Grid lines, tick labels and axis titles around a plot area.
enum Axes {
    static let tickLabelGap = 6.0

    static func gridLine(x1: Double, y1: Double, x2: Double, y2: Double, axis: Bool = false) -> SVG.Element {
        SVG.Element("line", [
            "class": axis ? "chart-axis" : "chart-grid",
            "x1": x1, "y1": y1, "x2": x2, "y2": y2,
            "stroke": "currentColor", "stroke-opacity": axis ? ".55" : ".15",
        ])
    }

    static func text(_ content: String, x: Double, y: Double, anchor: String, className: String,
                     fontSize: Double? = nil, bold: Bool = false) -> SVG.Element {
        SVG.Element("text", ["class": className, "x": x, "y": y, "text-anchor": anchor, "fill": "currentColor"],
                    text: content)
            .with("font-size", fontSize)
            .with("font-weight", bold ? "bold" : nil)
    }

    /// Vertical grid lines and labels under the plot. A label that would touch the previous one
    /// is left out (its grid line stays), which only happens on very narrow plots.
    static func bottom(_ scale: some ChartScale, ticks: [Double], plot: ChartRect, title: String?) -> [SVG.Element] {
        var elements: [SVG.Element] = []
        var labels: [SVG.Element] = []
        var lastLabelEnd = -Double.infinity
        for tick in ticks {
            let x = scale(tick)
            elements.append(gridLine(x1: x, y1: plot.minY, x2: x, y2: plot.maxY))
            let label = TickFormat.label(tick)
            let width = TextMetrics.width(label, fontSize: ChartStyle.fontSize)
            guard x - width / 2 > lastLabelEnd + 4 else { continue }
            lastLabelEnd = x + width / 2
            labels.append(text(label, x: x, y: plot.maxY + 18, anchor: "middle", className: "chart-tick"))
        }
        elements.append(gridLine(x1: plot.minX, y1: plot.maxY, x2: plot.maxX, y2: plot.maxY, axis: true))
        elements += labels
        if let title, !title.isEmpty {
            elements.append(text(title, x: plot.midX, y: plot.maxY + 40, anchor: "middle", className: "chart-axis-title"))
        }
        return elements
    }

    /// Horizontal grid lines and labels left of the plot; the title reads bottom to top at `titleX`.
    static func left(_ scale: some ChartScale, ticks: [Double], plot: ChartRect, title: String?, titleX: Double) -> [SVG.Element] {
        var elements: [SVG.Element] = []
        var labels: [SVG.Element] = []
        for tick in ticks {
            let y = scale(tick)
            elements.append(gridLine(x1: plot.minX, y1: y, x2: plot.maxX, y2: y))
            labels.append(text(TickFormat.label(tick), x: plot.minX - tickLabelGap, y: y + 4.5, anchor: "end", className: "chart-tick"))
        }
        elements.append(gridLine(x1: plot.minX, y1: plot.minY, x2: plot.minX, y2: plot.maxY, axis: true))
        elements += labels
        if let title, !title.isEmpty {
            elements.append(text(title, x: titleX, y: plot.midY, anchor: "middle", className: "chart-axis-title")
                .with("transform", "rotate(-90 \(SVG.number(titleX)) \(SVG.number(plot.midY)))"))
        }
        return elements
    }

    /// Room needed left of the plot for the widest tick label.
    static func tickLabelWidth(_ ticks: [Double]) -> Double {
        ticks.map { TextMetrics.width(TickFormat.label($0), fontSize: ChartStyle.fontSize) }.max() ?? 0
    }

    static func betterNote(_ better: Metric.Better) -> String {
        better == .higher ? "higher is better" : "lower is better"
    }
}
