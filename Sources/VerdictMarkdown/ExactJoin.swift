extension Array where Element == String {
    /// The strings end to end, in one allocation of their exact total size. Appending them one by one
    /// to an empty string doubles its capacity as it grows: rendered reviews (block HTML, item bodies,
    /// `BlockHTML.join`) kept up to half their size again as unused capacity for the whole build.
    public func joinedExactly() -> String {
        guard count > 1 else { return first ?? "" }
        var out = ""
        out.reserveCapacity(reduce(0) { $0 + $1.utf8.count })
        for part in self { out += part }
        return out
    }
}
