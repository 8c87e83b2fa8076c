/// Slugs name files, tags and URLs, so they are kept to a small safe alphabet.
public enum Slug {
    /// `[a-z0-9][a-z0-9-]*`: the form of review file names, tags and page path segments.
    public static func isValid(_ text: some StringProtocol) -> Bool {
        guard let first = text.utf8.first, isLowerAlnum(first) else { return false }
        return text.utf8.allSatisfy { isLowerAlnum($0) || $0 == UInt8(ascii: "-") }
    }

    /// Turns heading text into an anchor id: lowercase ASCII words joined by hyphens.
    public static func make(from text: String) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII, isLowerAlnum(UInt8(scalar.value)) {
                if pendingHyphen, !out.isEmpty { out += "-" }
                pendingHyphen = false
                out.unicodeScalars.append(scalar)
            } else if scalar != "'" && scalar != "’" {
                pendingHyphen = true
            }
        }
        return out.isEmpty ? "section" : out
    }

    private static func isLowerAlnum(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}

/// Hands out anchor ids that are unique within one page (`usage`, `usage-2`, ...).
struct AnchorSet {
    private(set) var all: Set<String> = []

    mutating func claim(_ base: String) -> String {
        var candidate = base
        var n = 2
        while all.contains(candidate) {
            candidate = "\(base)-\(n)"
            n += 1
        }
        all.insert(candidate)
        return candidate
    }
}
