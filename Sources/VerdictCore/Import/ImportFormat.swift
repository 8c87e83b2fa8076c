import Foundation

/// The formats `verdict import` reads. Each has one importer file; `ImportDetector` asks them in turn.
public enum ImportFormat: String, CaseIterable, Sendable, Comparable {
    case lmEval = "lm-eval"
    case modelIndex = "model-index"
    case helm
    case csv
    case inspect
    case evalplus

    /// How the tool is named in the snapshot's `source` and in messages.
    public var toolName: String {
        switch self {
        case .lmEval: "lm-evaluation-harness"
        case .modelIndex: "Hugging Face model card"
        case .helm: "HELM"
        case .csv: "CSV"
        case .inspect: "Inspect"
        case .evalplus: "evalplus"
        }
    }

    public static func < (a: ImportFormat, b: ImportFormat) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// An input file's bytes, parsed once into what the importers look at.
struct ImportInput: @unchecked Sendable {
    enum Content {
        /// A parsed JSON document (JSONSerialization's objects).
        case json(Any)
        /// UTF-8 text without a byte-order mark, `\n` line ends.
        case text(SourceFile)
    }

    /// As shown in messages.
    let path: String
    /// The file's name and its folder's, for dates written in names.
    let fileName: String
    let folderName: String
    let content: Content
}

/// One format's reader: recognises its content and turns it into rows. Adding a format is a new file
/// with one of these, plus its line in `ImportDetector.importers`.
protocol ScoreImporter {
    static var format: ImportFormat { get }
    /// True when `input` is, beyond doubt, this format (never judged by the file name).
    static func recognizes(_ input: ImportInput) -> Bool
    /// The rows and run date of `input`, or the problems that stop it from being read.
    static func read(_ input: ImportInput) -> ImportReading
}

struct ImportReading {
    var rows: [ImportedScore] = []
    var date: Day?
    var problems: [ImportProblem] = []
    /// The file's own dates disagree; an error unless `--date` settles it.
    var dateConflicts: [ImportProblem] = []
}

/// Reading `JSONReader`'s untyped values the same way in every importer.
enum JSONValue {
    /// A number, or nil for every missing-value spelling (`null`, `"N/A"`, `"NaN"`, `"-"`, `""`)
    /// and for anything else that is not a number (true/false included).
    static func number(_ value: Any?) -> Double? {
        switch value {
        case is Bool:
            return nil
        case let number as Double:
            return number.isFinite ? number : nil
        case let text as String:
            return MissingValue.number(text)?.value
        default:
            return nil
        }
    }

    static func object(_ value: Any?) -> [String: Any]? { value as? [String: Any] }
    static func array(_ value: Any?) -> [Any]? { value as? [Any] }
    static func string(_ value: Any?) -> String? { value as? String }
}

/// The many ways evaluation outputs say "no value".
enum MissingValue {
    static func isMissing(_ text: some StringProtocol) -> Bool {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "", "-", "--", "—", "–", "n/a", "na", "nan", "null", "none", "nil", "?", "inf", "-inf", "infinity": true
        default: false
        }
    }

    /// A cell read as a number: nil when it is not one, `(nil, false)` when it is a missing-value
    /// spelling, `(value, isPercent)` for `73.8` or `73.8%`.
    static func number(_ text: some StringProtocol) -> (value: Double?, percent: Bool)? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if isMissing(trimmed) { return (nil, false) }
        var body = Substring(trimmed)
        let percent = body.hasSuffix("%")
        if percent { body = body.dropLast() }
        body = body.drop { $0 == "+" }
        guard let value = Double(body.trimmingCharacters(in: .whitespaces)), value.isFinite else { return nil }
        return (value, percent)
    }
}
