/// "Did you mean …?" for ids and tags: the nearest candidate by edit distance, if it is close enough
/// to be a typo rather than a different name.
enum Suggest {
    /// `accept` is asked only about candidates already close enough, so it may be slow.
    static func nearest(to word: String, in candidates: some Sequence<String>,
                        accepting accept: (String) -> Bool = { _ in true }) -> String? {
        let limit = max(1, min(3, word.count / 4))
        // The distance is counted in Unicode scalars, so lengths in scalars bound it from below.
        let length = word.unicodeScalars.count
        var best: (distance: Int, candidate: String)?
        for candidate in candidates where candidate != word {
            guard abs(candidate.unicodeScalars.count - length) <= limit else { continue }
            let distance = editDistance(word, candidate, limit: limit)
            if distance <= limit, best.map({ (distance, candidate) < ($0.distance, $0.candidate) }) ?? true, accept(candidate) {
                best = (distance, candidate)
            }
        }
        return best?.candidate
    }

    /// `nearest` for model ids, leaving out ids that differ only in their numbers: `gpt-4-0314` beside a
    /// reviewed `gpt-4-0613`, `qwen2-7b` beside `qwen2-72b` or `qwen2.5-7b` beside `qwen2-72b` is another
    /// version or size of the model, common in real leaderboards, not a typo that should stop a build.
    /// The same digits with a dot dropped or added (`gpt-41-mini` for `gpt-4.1-mini`) is still a typo.
    /// So are ids that differ in one whole word (`gpt-4.1-mini` beside `gpt-4.1-nano`): two models.
    static func nearestModel(to id: String, in candidates: some Sequence<String>) -> String? {
        let (text, digits) = numbersApart(id)
        return nearest(to: id, in: candidates) { candidate in
            let other = numbersApart(candidate)
            return (other.text != text || other.digits == digits) && !differInOneWord(id, candidate)
        }
    }

    /// True when the ids are the same but for one word of three or more letters that shares neither
    /// its first nor its last letter with the other's: `mini` and `nano` are different words, while
    /// `mimi` for `mini` or `gtp` for `gpt` are slips of the keyboard.
    private static func differInOneWord(_ a: String, _ b: String) -> Bool {
        let isSeparator: (Character) -> Bool = { "-_./: ".contains($0) }
        guard a.filter(isSeparator) == b.filter(isSeparator) else { return false }
        let pairs = zip(a.split(omittingEmptySubsequences: false, whereSeparator: isSeparator),
                        b.split(omittingEmptySubsequences: false, whereSeparator: isSeparator))
            .filter { $0 != $1 }
        guard pairs.count == 1, let (x, y) = pairs.first, x.count >= 3, y.count >= 3 else { return false }
        return x.first != y.first && x.last != y.last
    }

    /// The id's text without its numbers (digits, and dots beside a digit), and the digits alone, each
    /// number without its leading zeros: `qwen2.5-7b` → (`qwen-b`, `257`), `aurora-2026-01` →
    /// (`aurora--`, `20261`). So `aurora-2026-1` for `aurora-2026-01` is the same number written
    /// differently, a typo, while `gpt-4-0314` beside `gpt-4-0613` holds other numbers, another version.
    private static func numbersApart(_ id: String) -> (text: String, digits: String) {
        let scalars = Array(id.unicodeScalars)
        let isDigit = { (index: Int) in scalars.indices.contains(index) && ("0"..."9").contains(scalars[index]) }
        var text = String.UnicodeScalarView(), digits = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if isDigit(index) {
                // A zero that opens a number of several digits, or follows such zeros, is a leading zero.
                var start = index
                while isDigit(start - 1) { start -= 1 }
                let leading = scalars[start..<index].allSatisfy { $0 == "0" } && scalar == "0" && isDigit(index + 1)
                if !leading { digits.append(scalar) }
            } else if !(scalar == "." && (isDigit(index - 1) || isDigit(index + 1))) {
                text.append(scalar)
            }
        }
        return (String(text), String(digits))
    }

    /// Levenshtein distance over Unicode scalars; gives up early (returning limit + 1) past `limit`.
    /// Only cells within `limit` of the diagonal can stay under it, so only those are computed.
    static func editDistance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let over = limit == .max ? limit : limit + 1
        if abs(a.count - b.count) > limit { return over }
        let band = min(limit, max(a.count, b.count))
        let outside = band + 1
        var previous = Array(0...b.count).map { min($0, outside) }
        var current = [Int](repeating: outside, count: b.count + 1)
        for i in 1...a.count {
            let low = max(1, i - band), high = min(b.count, i + band)
            current[0] = min(i, outside)
            if low > 1 { current[low - 1] = outside }
            var rowMinimum = current[0] < outside && low == 1 ? current[0] : outside
            for j in low...high {
                let cost = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, cost, outside)
                rowMinimum = min(rowMinimum, current[j])
            }
            if high < b.count { current[high + 1] = outside }
            if rowMinimum > limit { return over }
            swap(&previous, &current)
        }
        return min(previous[b.count], over)
    }
}
