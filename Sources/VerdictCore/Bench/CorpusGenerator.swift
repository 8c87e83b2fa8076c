import Foundation

/// Writes a deterministic synthetic site in the content format, for the benchmark and scale tests:
/// `reviews` reviews of about 11 KB, `snapshots` snapshots of `models` models with 15 metrics each.
public struct CorpusGenerator: Sendable {
    public var reviews: Int
    public var snapshots: Int
    public var models: Int

    public init(reviews: Int = 10_000, snapshots: Int = 24, models: Int = 500) {
        self.reviews = reviews
        self.snapshots = snapshots
        self.models = models
    }

    static let capabilities = ["reasoning", "coding", "extraction", "classification", "multilingual", "long-context",
                               "tool-use", "speed", "cost", "creative-writing", "factuality", "safety"]
    static let useCases = ["customer-service", "data-extraction", "code-assistants", "localisation", "agents",
                           "summarisation", "rag", "search"]
    static let metrics: [(id: String, name: String, unit: String, better: String, group: String)] = [
        ("overall", "Overall", "pts", "higher", "quality"), ("reasoning", "Reasoning", "pts", "higher", "quality"),
        ("coding", "Coding", "pts", "higher", "quality"), ("extraction", "Extraction", "pts", "higher", "quality"),
        ("classification", "Classification", "pts", "higher", "quality"), ("multilingual", "Multilingual", "pts", "higher", "quality"),
        ("long-context", "Long context", "pts", "higher", "quality"), ("tool-use", "Tool use", "pts", "higher", "quality"),
        ("factuality", "Factuality", "pts", "higher", "quality"), ("safety", "Safety", "pts", "higher", "quality"),
        ("ttft", "Time to first token", "ms", "lower", "speed"), ("throughput", "Output speed", "tok/s", "higher", "speed"),
        ("p95", "95th percentile latency", "ms", "lower", "speed"), ("price-in", "Input price", "$/Mtok", "lower", "cost"),
        ("price-out", "Output price", "$/Mtok", "lower", "cost"),
    ]
    static let words = ["model", "latency", "prompt", "schema", "token", "context", "answer", "batch", "queue", "vendor",
                        "budget", "router", "ticket", "summary", "retrieval", "benchmark", "throughput", "window", "tool",
                        "agent", "cache", "request", "output", "review", "workload", "pipeline", "draft", "signal"]

    /// SplitMix64, so the corpus is identical on every machine (the fuzz tests use it too, so a failing
    /// iteration can be replayed from its seed).
    struct Random: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
        mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    }

    public func write(to content: URL) throws {
        let fm = FileManager.default
        for folder in ["reviews", "benchmarks", "usecases", "pages/benchmarks"] {
            try fm.createDirectory(at: content.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Data("title: Benchmark corpus\nbaseURL: https://bench.example.org/\ndescription: Synthetic reviews for timing Verdict.\n".utf8)
            .write(to: content.appendingPathComponent("site.yml"))
        for useCase in Self.useCases {
            try Data("---\ntitle: \(Capability.title(for: useCase))\n---\nHow models handle \(useCase.replacingOccurrences(of: "-", with: " ")) work.\n".utf8)
                .write(to: content.appendingPathComponent("usecases/\(useCase).md"))
        }
        try Data("---\ntitle: Methodology\n---\n## How the battery runs\n\nEvery model answers the same prompts.\n".utf8)
            .write(to: content.appendingPathComponent("pages/benchmarks/methodology.md"))
        let count = reviews
        try (0..<count).map { $0 }.chunked(into: 256).forEach { chunk in
            for index in chunk {
                try Data(review(index).utf8).write(to: content.appendingPathComponent("reviews/\(slug(index)).md"))
            }
        }
        for index in 0..<snapshots {
            try Data(snapshot(index).utf8).write(to: content.appendingPathComponent("benchmarks/\(day(index)).json"))
        }
    }

    func slug(_ index: Int) -> String { "model-\(index)" }
    func modelID(_ index: Int) -> String { "vendor\(index % 40)/model-\(index)" }

    /// Monthly snapshots ending in 2026-06.
    func day(_ index: Int) -> String {
        let month = (2026 * 12 + 5) - (snapshots - 1 - index)
        let year = month / 12, m = month % 12 + 1
        return "\(year)-\(m < 10 ? "0" : "")\(m)-15"
    }

    private func sentence(_ random: inout Random, words count: Int) -> String {
        var parts: [String] = []
        for _ in 0..<count { parts.append(Self.words[random.int(Self.words.count)]) }
        let text = parts.joined(separator: " ")
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    private func paragraph(_ random: inout Random, sentences: Int) -> String {
        (0..<sentences).map { _ in sentence(&random, words: 8 + random.int(8)) }.joined(separator: " ")
    }

    func review(_ index: Int) -> String {
        var random = Random(state: UInt64(index) &* 31 &+ 7)
        let tag = { (random: inout Random) in Self.capabilities[random.int(Self.capabilities.count)] }
        var text = """
            ---
            title: Model \(index)
            model: \(modelID(index))
            vendor: Vendor \(index % 40)
            family: Family \(index % 90)
            tier: \(["efficiency", "mid", "frontier"][index % 3])
            reviewed: 2026-0\(1 + index % 6)-1\(index % 9)
            ---
            \(paragraph(&random, sentences: 6))

            ## Verdict

            \(paragraph(&random, sentences: 4))

            ## Where it shines


            """
        for n in 0..<5 {
            text += "**Strength \(n) of model \(index)** (\(tag(&random)), \(tag(&random))). \(paragraph(&random, sentences: 5))\n\n"
        }
        text += "## Where it falls short\n\n"
        for n in 0..<4 {
            text += "**Weakness \(n)** (\(tag(&random))). \(paragraph(&random, sentences: 5))\n\n"
        }
        text += "## Real-world use cases\n\n"
        for n in 0..<4 {
            let useCase = Self.useCases[random.int(Self.useCases.count)]
            text += "### Deployment \(n) (\(useCase))\n\n\(paragraph(&random, sentences: 5)) See [the use case](/usecases/\(useCase)/).\n\n"
        }
        text += """
            ## Tool use

            \(paragraph(&random, sentences: 4))

            ```json
            {"model": "\(modelID(index))", "temperature": 0, "max_tokens": 256}
            ```

            - \(sentence(&random, words: 6))
            - \(sentence(&random, words: 6))
            - \(sentence(&random, words: 6))

            ## Notes

            \(paragraph(&random, sentences: 10))

            \(paragraph(&random, sentences: 10))

            \(paragraph(&random, sentences: 12))

            """
        return text
    }

    func snapshot(_ index: Int) -> String {
        var random = Random(state: UInt64(index) &* 7_919 &+ 3)
        let metrics = Self.metrics.map {
            "{\"id\": \"\($0.id)\", \"name\": \"\($0.name)\", \"unit\": \"\($0.unit)\", \"better\": \"\($0.better)\", \"group\": \"\($0.group)\"}"
        }
        // Models drift in and out: each snapshot holds a window of `models` consecutive models.
        let first = (index * 7) % max(1, reviews)
        var results: [String] = []
        for offset in 0..<models {
            let model = (first + offset) % max(1, reviews)
            let scores = Self.metrics.map { metric -> String in
                if random.int(100) < 3 { return "\"\(metric.id)\": null" }
                let base = metric.unit == "ms" ? 200 + random.unit() * 1_500 : metric.unit == "$/Mtok" ? 0.05 + random.unit() * 20
                    : metric.unit == "tok/s" ? 20 + random.unit() * 300 : 30 + random.unit() * 60
                return "\"\(metric.id)\": \((base * 10).rounded() / 10)"
            }
            results.append("{\"model\": \"\(modelID(model))\", \"name\": \"Model \(model)\", \"vendor\": \"Vendor \(model % 40)\", "
                           + "\"tier\": \"\(["efficiency", "mid", "frontier"][model % 3])\", \"scores\": {\(scores.joined(separator: ", "))}}")
        }
        return "{\"date\": \"\(day(index))\", \"title\": \"Synthetic battery \(index + 1)\", \"rankBy\": \"overall\",\n"
            + "\"metrics\": [\(metrics.joined(separator: ",\n"))],\n\"results\": [\n\(results.joined(separator: ",\n"))\n]}\n"
    }
}

extension Array {
    func chunked(into size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
