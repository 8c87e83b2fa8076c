import Testing
@testable import VerdictCore

@Suite("Did you mean: edit distance")
struct SuggestTests {
    /// The textbook full-matrix Levenshtein distance, to check the banded one against.
    static func reference(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        var row = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var next = [i] + [Int](repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                next[j] = min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            row = next
        }
        return row[b.count]
    }

    @Test func matchesTheFullMatrixWithinTheLimit() {
        var generator = CorpusGenerator.Random(state: 7)
        let alphabet = Array("abcé-/1")
        func word() -> String { String((0..<generator.int(9)).map { _ in alphabet[generator.int(alphabet.count)] }) }
        for _ in 0..<3000 {
            let a = word(), b = word(), limit = Int(generator.next() % 4)
            let expected = Self.reference(a, b)
            let banded = Suggest.editDistance(a, b, limit: limit)
            if expected <= limit {
                #expect(banded == expected, "\(a) → \(b), limit \(limit)")
            } else {
                #expect(banded > limit, "\(a) → \(b), limit \(limit)")
            }
            #expect(Suggest.editDistance(a, b) == expected, "\(a) → \(b), no limit")
        }
    }

    @Test func suggestsTheNearestCloseCandidate() {
        #expect(Suggest.nearest(to: "vendor1/model-12", in: ["vendor1/model-21", "vendor1/model-13", "vendor2/model-99"]) == "vendor1/model-13")
        #expect(Suggest.nearest(to: "codng", in: ["coding", "cooking"]) == "coding")
        #expect(Suggest.nearest(to: "coding", in: ["cooking"]) == nil, "two edits is past the limit for a six-letter word")
        #expect(Suggest.nearest(to: "coding", in: ["translation", "coding"]) == nil)
    }

    @Test func modelVersionsAreNotTypos() {
        #expect(Suggest.nearestModel(to: "gpt-4-0314", in: ["gpt-4-0613"]) == nil, "a date suffix")
        #expect(Suggest.nearestModel(to: "qwen2-7b-instruct", in: ["qwen2-72b-instruct"]) == nil, "a size")
        #expect(Suggest.nearestModel(to: "claude-2.0", in: ["claude-2.1", "claude-2.l"]) == "claude-2.l")
        #expect(Suggest.nearestModel(to: "gpt-4o-mimi", in: ["gpt-4o-mini", "gpt-4o"]) == "gpt-4o-mini")
        #expect(Suggest.nearestModel(to: "ok-l", in: ["ok-1"]) == "ok-1", "a letter for a digit is a typo")
        #expect(Suggest.nearestModel(to: "gpt-41-mini", in: ["gpt-4.1-mini"]) == "gpt-4.1-mini", "a dropped dot")
        // Real leaderboards (arena-hard, 2024-07-31) hold qwen2-72b-instruct; the sample site's review of
        // Llama 3.1 8B names qwen2.5-7b-instruct as an alternative, and the build stopped on it.
        #expect(Suggest.nearestModel(to: "qwen2.5-7b-instruct", in: ["qwen2-72b-instruct"]) == nil, "a version and a size")
        #expect(Suggest.nearestModel(to: "llama-3-8b", in: ["llama-3.1-8b"]) == nil, "a point release")
        #expect(Suggest.nearestModel(to: "gemini-15-pro", in: ["gemini-1.5-pro"]) == "gemini-1.5-pro", "the same digits")
        #expect(Suggest.nearestModel(to: "gpt-4.1-mini-2025-04-14", in: ["gpt-4.1-nano-2025-04-14"]) == nil, "another word")
        #expect(Suggest.nearestModel(to: "gemini-1.5-pro", in: ["gemini-1.5-max"]) == nil, "another word")
        #expect(Suggest.nearestModel(to: "gtp-4-0613", in: ["gpt-4-0613"]) == "gpt-4-0613", "swapped letters")
        #expect(Suggest.nearestModel(to: "gpt-4o-nini", in: ["gpt-4o-mini"]) == "gpt-4o-mini", "one letter of a word")
    }
}
