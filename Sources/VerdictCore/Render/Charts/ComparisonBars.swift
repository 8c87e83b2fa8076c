/// A model's value on each metric against a reference such as its tier's median: one row per
/// metric, the value as a bar and the reference as a vertical marker. Given the snapshot's extent of a
/// metric, a row's scale runs from zero to the snapshot's highest value (the best one when higher is
/// better), the same on every review page, so one model's bar can be held against another's; when lower
/// is better the shortest bar is the best, and the row says so. The numbers and the comparison are also
/// written out, so nothing rests on position or colour alone.
struct ComparisonBars: Sendable {
    struct Row: Sendable, Hashable {
        let label: String
        /// nil when the model was not measured on this metric.
        let value: Double?
        let reference: Double?
        let unit: String
        let better: Metric.Better
        /// Lowest to highest measured value of the metric in the snapshot: the shared scale. nil: the
        /// row is scaled on its own value and reference.
        let extent: ClosedRange<Double>?
        /// The snapshot's decimals for the metric (`Ranking.decimals`); nil: the general format.
        let decimals: Int?

        init(_ label: String, value: Double?, reference: Double?, unit: String = "", better: Metric.Better,
             extent: ClosedRange<Double>? = nil, decimals: Int? = nil) {
            self.label = label
            self.value = value
            self.reference = reference
            self.unit = unit
            self.better = better
            self.extent = extent
            self.decimals = decimals
        }

        /// A value of this row's metric as every other page shows it.
        func text(_ value: Double) -> String {
            decimals.map { Format.value(value, unit: unit, decimals: $0) } ?? Format.value(value, unit: unit)
        }
    }

    let title: String
    let description: String
    let rows: [Row]
    /// What the reference is, as the key and the description say it: "median of the mid tier"...
    let referenceLabel: String
    /// The same in a row's value text ("median"), short enough for a phone-width drawing: the key names it in full.
    let shortReferenceLabel: String
    let width: Double
    let id: String?

    static let rowHeight = 64.0
    static let legendHeight = 26.0
    static let barHeight = 14.0

    init(title: String, description: String, rows: [Row], referenceLabel: String = "median",
         shortReferenceLabel: String? = nil, width: Double = 600, id: String? = nil) {
        self.title = title
        self.description = description
        self.rows = rows
        self.referenceLabel = referenceLabel
        self.shortReferenceLabel = shortReferenceLabel ?? referenceLabel
        self.width = width
        self.id = id
    }

    /// The middle value, or the mean of the two middle values for an even count; nil when there
    /// is no finite value.
    static func median(_ values: [Double]) -> Double? {
        let sorted = values.filter(\.isFinite).sorted()
        guard !sorted.isEmpty else { return nil }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Every row in one chart, under a key.
    func svg() -> String {
        var body = legend()
        for (index, row) in rows.enumerated() {
            body += elements(row, top: ComparisonBars.legendHeight + Double(index) * ComparisonBars.rowHeight)
        }
        let height = ComparisonBars.legendHeight + Double(max(rows.count, 1)) * ComparisonBars.rowHeight + 4
        let summary = description.isEmpty ? rows.map(sentence).joined(separator: " ") : description
        return ChartDocument(kind: "comparison", title: title, description: summary, width: width, height: height,
                             body: body, id: id).render()
    }

    /// One row as a small chart of its own, e.g. for a table cell next to the numbers.
    func render(_ row: Row) -> String {
        let suffix = id.map { "\($0)-" + ChartDocument.fnv1a(row.label) }
        return ChartDocument(kind: "comparison", title: row.label, description: sentence(row), width: width,
                             height: ComparisonBars.rowHeight + 2, body: elements(row, top: 0), id: suffix).render()
    }

    /// A row's scale: from zero (or the lowest negative value) to the snapshot's highest value, or without
    /// an extent to past the larger of value and reference.
    func scale(_ row: Row) -> LinearScale {
        if let extent = row.extent, extent.lowerBound.isFinite, extent.upperBound.isFinite {
            let low = min(0, extent.lowerBound), high = max(0, extent.upperBound)
            return LinearScale(domain: low...(high > low ? high : low + 1), range: 8...(width - 8))
        }
        let values = [row.value, row.reference].compactMap { $0 }.filter(\.isFinite)
        let domain = (min(0, values.min() ?? 0)...max(0, values.max() ?? 1)).nice(count: 4)
        return LinearScale(domain: domain, range: 8...(width - 8))
    }

    func valueText(_ row: Row) -> String {
        guard let value = row.value, value.isFinite else { return "not measured" }
        var text = row.text(value)
        if let reference = row.reference, reference.isFinite {
            text += " · \(shortReferenceLabel) " + row.text(reference)
        }
        return text
    }

    /// What the end of a shared scale is, under the bar: the best value, or the highest when lower is better
    /// (and then that shorter is better). The longest wording that fits beside the zero label.
    func scaleNote(_ row: Row) -> String? {
        guard let extent = row.extent, extent.upperBound > 0 else { return nil }
        let end = row.text(extent.upperBound)
        let wordings = row.better == .higher
            ? ["\(end), the best in this snapshot", "best: \(end)"]
            : ["\(end), the highest in this snapshot · shorter is better", "highest: \(end) · shorter is better",
               "shorter is better"]
        let room = width - 16 - TextMetrics.width("0", fontSize: ChartStyle.smallFontSize) - 16
        return wordings.first { TextMetrics.width($0, fontSize: ChartStyle.smallFontSize) <= room } ?? wordings.last
    }

    func elements(_ row: Row, top: Double) -> [SVG.Element] {
        let font = ChartStyle.fontSize
        let scale = scale(row)
        let right = valueText(row)
        let note = " · " + Axes.betterNote(row.better)
        let room = width - 16 - TextMetrics.width(right, fontSize: font) - 12
        let showNote = TextMetrics.width(row.label + note, fontSize: font) <= room
        let label = TextMetrics.truncate(row.label, toWidth: room, fontSize: font, bold: true)
        var labelChildren: [SVG.Node] = [.text(label)]
        if showNote {
            labelChildren.append(SVG.Element("tspan", ["class": "chart-muted", "font-weight": "normal"], text: note).node)
        }
        var elements = [
            SVG.Element("text", ["class": "chart-label", "x": 8, "y": top + 16, "font-weight": "bold", "fill": "currentColor"],
                        labelChildren),
            Axes.text(right, x: width - 8, y: top + 16, anchor: "end", className: "chart-value"),
        ]
        let barTop = top + 24
        elements.append(SVG.Element("rect", [
            "class": "chart-track", "x": scale.range.lowerBound, "y": barTop, "width": scale.range.upperBound - scale.range.lowerBound,
            "height": ComparisonBars.barHeight, "fill": "currentColor", "fill-opacity": ".1",
        ]))
        let zero = scale(0)
        if let value = row.value, value.isFinite {
            let x = scale(value)
            elements.append(SVG.Element("rect", [
                "class": "chart-bar", "x": min(x, zero), "y": barTop, "width": abs(x - zero),
                "height": ComparisonBars.barHeight, "fill": "currentColor",
            ]))
        }
        if let reference = row.reference, reference.isFinite {
            let x = scale(reference)
            elements.append(SVG.Element("line", [
                "class": "chart-median", "x1": x, "y1": barTop - 4, "x2": x, "y2": barTop + ComparisonBars.barHeight + 4,
                "stroke": "currentColor", "stroke-width": 3,
            ]))
        }
        if let note = scaleNote(row) {
            let small = ChartStyle.smallFontSize, y = barTop + ComparisonBars.barHeight + 14
            elements.append(Axes.text(Format.number(scale.domain.lowerBound), x: scale.range.lowerBound, y: y, anchor: "start",
                                      className: "chart-legend chart-muted", fontSize: small))
            elements.append(Axes.text(note, x: scale.range.upperBound, y: y, anchor: "end", className: "chart-legend chart-muted",
                                      fontSize: small))
        }
        return elements
    }

    private func legend() -> [SVG.Element] {
        var line = SVGPath(); line.move(0, 0); line.line(0, 14)
        let modelText = "this model", referenceText = referenceLabel
        let secondX = 8 + 22 + TextMetrics.width(modelText, fontSize: ChartStyle.smallFontSize) + 18
        return [
            SVG.Element("rect", ["class": "chart-bar", "x": 8, "y": 6, "width": 16, "height": 12, "fill": "currentColor"]),
            Axes.text(modelText, x: 30, y: 16.5, anchor: "start", className: "chart-legend chart-muted", fontSize: ChartStyle.smallFontSize),
            SVG.Element("line", ["class": "chart-median", "x1": secondX + 4, "y1": 4, "x2": secondX + 4, "y2": 20,
                                 "stroke": "currentColor", "stroke-width": 3]),
            Axes.text(referenceText, x: secondX + 14, y: 16.5, anchor: "start", className: "chart-legend chart-muted",
                      fontSize: ChartStyle.smallFontSize),
        ]
    }

    /// The row in words, for `<desc>`: value, reference and which side of it is better.
    func sentence(_ row: Row) -> String {
        guard let value = row.value, value.isFinite else { return "\(row.label): not measured." }
        var text = "\(row.label): " + row.text(value)
        if let reference = row.reference, reference.isFinite {
            let verdict: String
            if value == reference { verdict = "equal to" }
            else { verdict = (value > reference) == (row.better == .higher) ? "better than" : "worse than" }
            text += ", \(verdict) the \(referenceLabel) of " + row.text(reference)
        }
        return text + " (\(Axes.betterNote(row.better)))."
    }
}
