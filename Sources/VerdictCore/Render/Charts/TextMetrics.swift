/// Rough text widths for layout, since the build has no font to measure with. Widths follow
/// Helvetica/Arial proportions plus 8% (DejaVu Sans, a common Linux fallback, is that much
/// wider), so estimated boxes contain the drawn text in the usual fonts.
enum TextMetrics {
    static func width(_ text: String, fontSize: Double, bold: Bool = false) -> Double {
        var ems = 0.0
        for character in text {
            ems += em(character)
        }
        return ems * fontSize * (bold ? 1.17 : 1.08) + 1
    }

    private static func em(_ character: Character) -> Double {
        guard let ascii = character.asciiValue else { return 1 }
        return asciiEms[Int(ascii)]
    }

    /// Looked up, not matched: a switch on Characters compares strings case by case, and every label
    /// of every chart is measured, some several times while being placed or truncated.
    private static let asciiEms: [Double] = (0..<128).map { emOfASCII(Character(Unicode.Scalar(UInt8($0)))) }

    private static func emOfASCII(_ character: Character) -> Double {
        switch character {
        case "i", "j", "l", "I", ".", ",", ":", ";", "'", "!", "|": return 0.3
        case "f", "t", "r", "(", ")", "[", "]", "-", " ", "/": return 0.36
        case "m", "w", "M", "W", "%", "@": return 0.88
        case "0"..."9", "$", "#", "+", "=", "<", ">", "~", "_", "?": return 0.58
        case "A"..."Z": return 0.7
        default: return 0.56
        }
    }

    /// The text itself if it fits, else the longest prefix that fits with an ellipsis.
    static func truncate(_ text: String, toWidth limit: Double, fontSize: Double, bold: Bool = false) -> String {
        guard width(text, fontSize: fontSize, bold: bold) > limit else { return text }
        var prefix = Substring(text)
        while !prefix.isEmpty {
            prefix = prefix.dropLast()
            let candidate = prefix.trimmingTrailingSpaces + "…"
            if width(candidate, fontSize: fontSize, bold: bold) <= limit { return candidate }
        }
        return "…"
    }
}

private extension Substring {
    var trimmingTrailingSpaces: String {
        var copy = self
        while copy.last == " " { copy = copy.dropLast() }
        return String(copy)
    }
}
