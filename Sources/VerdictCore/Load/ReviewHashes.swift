/// Hashes of one review file as read, taken while its text is at hand (it is freed once parsed), so a
/// rebuild can tell which review pages cannot have changed before building any of them (`PageInputKeys`).
public struct ReviewHashes: Sendable, Hashable {
    /// The front matter as written, with the file's slug and path: everything of a review that other
    /// review pages may show (title, model, vendor, tier, aliases, alternatives, dates, …).
    public let frontMatter: UInt64
    /// The front matter and the body: everything the review's own page is made from.
    public let source: UInt64

    /// Hashes as recorded earlier (the review cache, `ReviewCodec`).
    init(frontMatter: UInt64, source: UInt64) {
        self.frontMatter = frontMatter
        self.source = source
    }

    init(slug: String, path: String, yaml: String, yamlLine: Int, body: String, bodyLine: Int) {
        var meta = StableHash()
        meta.combine(slug)
        meta.combine(path)
        meta.combine(yaml)
        meta.combine(UInt64(yamlLine))
        frontMatter = meta.finalized
        var whole = StableHash()
        whole.combine(frontMatter)
        whole.combine(body)
        whole.combine(UInt64(bodyLine))
        source = whole.finalized
    }
}
