import Foundation

extension Array where Element: Sendable {
    /// Maps in parallel across the machine's cores and keeps the input order, so output stays deterministic.
    /// Work is cut into many small chunks so a few heavy items (a 500-row leaderboard) cannot leave a core
    /// idle at the end, while each task still amortises its overhead over several items.
    func concurrentMap<T: Sendable>(_ transform: @escaping @Sendable (Element) async throws -> T) async rethrows -> [T] {
        if count < 2 { return try await asyncMap(transform) }
        let workers = Swift.max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunkSize = Swift.max(1, Swift.min(32, (count + workers * 4 - 1) / (workers * 4)))
        let chunks = stride(from: 0, to: count, by: chunkSize).map { Array(self[$0..<Swift.min($0 + chunkSize, count)]) }
        return try await withThrowingTaskGroup(of: (Int, [T]).self) { group in
            for (index, chunk) in chunks.enumerated() {
                group.addTask { (index, try await chunk.asyncMap(transform)) }
            }
            var results = [[T]](repeating: [], count: chunks.count)
            for try await (index, mapped) in group { results[index] = mapped }
            return results.flatMap { $0 }
        }
    }

    private func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var out: [T] = []
        out.reserveCapacity(count)
        for element in self { out.append(try await transform(element)) }
        return out
    }
}
