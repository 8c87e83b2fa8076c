/// Writes a snapshot as Verdict reads it, the same bytes for the same snapshot: keys in a fixed order,
/// metrics in column order, results as given (sorted by model id), numbers at full precision (the
/// shortest text that reads back as the same Double), 2-space indentation, a final newline.
enum SnapshotWriter {
    static func text(of snapshot: ImportedSnapshot) -> String {
        var out = "{\n"
        var top: [String] = [
            "  \"date\": \(string(snapshot.date.description))",
            "  \"title\": \(string(snapshot.title))",
            "  \"rankBy\": \(string(snapshot.rankBy))",
        ]
        if let source = snapshot.source { top.append("  \"source\": \(string(source))") }
        top.append("  \"metrics\": " + list(snapshot.metrics.map(metric), indent: "  "))
        top.append("  \"results\": " + list(snapshot.results.map { result($0, metrics: snapshot.metrics) }, indent: "  "))
        out += top.joined(separator: ",\n")
        out += "\n}\n"
        return out
    }

    private static func metric(_ metric: ImportedSnapshot.MetricDefinition) -> String {
        var fields = [
            "      \"id\": \(string(metric.id))",
            "      \"name\": \(string(metric.name))",
            "      \"unit\": \(string(metric.unit))",
            "      \"better\": \(string(metric.better.rawValue))",
        ]
        if let group = metric.group { fields.append("      \"group\": \(string(group))") }
        return "{\n" + fields.joined(separator: ",\n") + "\n    }"
    }

    private static func result(_ result: ImportedSnapshot.Result, metrics: [ImportedSnapshot.MetricDefinition]) -> String {
        var fields = [
            "      \"model\": \(string(result.model))",
            "      \"name\": \(string(result.name))",
        ]
        if let vendor = result.vendor { fields.append("      \"vendor\": \(string(vendor))") }
        if let tier = result.tier { fields.append("      \"tier\": \(string(tier))") }
        let scores = metrics.compactMap { metric in
            result.scores[metric.id].map { "        \(string(metric.id)): \(number($0))" }
        }
        fields.append("      \"scores\": " + object(scores))
        let errors = metrics.compactMap { metric in result.stderr[metric.id].map { "        \(string(metric.id)): \(number($0))" } }
        if !errors.isEmpty { fields.append("      \"stderr\": " + object(errors)) }
        return "{\n" + fields.joined(separator: ",\n") + "\n    }"
    }

    private static func object(_ lines: [String]) -> String {
        lines.isEmpty ? "{}" : "{\n" + lines.joined(separator: ",\n") + "\n      }"
    }

    private static func list(_ items: [String], indent: String) -> String {
        items.isEmpty ? "[]" : "[\n" + items.map { indent + "  " + $0 }.joined(separator: ",\n") + "\n" + indent + "]"
    }

    /// Swift's `description` of a Double is the shortest text that reads back as the same value; integral
    /// values keep their `.0`, huge and tiny ones use JSON's exponent form (`1e-05`).
    static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "null" }
        return value == 0 ? "0.0" : value.description
    }

    static func string(_ text: String) -> String { JSONString.literal(text) }
}
