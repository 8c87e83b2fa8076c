import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parsed reviews kept between builds, in a file beside the output folder (`.Public.verdict-reviews`
/// for `Public/`; never inside it, so it is not deployed). A review file whose bytes are exactly those
/// an entry was parsed from is not decoded (YAML) nor parsed (cmark) again: the loader takes the
/// `Review` and the diagnostics from here (`KnownReviews`).
///
/// Where it sits: after Parse (it stores `Review`s) and before Assemble; the loader only sees the
/// lookup closure, so Load does not depend on it. `SiteBuilder.build` opens it while the inputs are
/// hashed and writes it again after a successful build.
///
/// The file: a 48-byte header (magic, `formatVersion`, the `settings` key, where the index is, its
/// length and checksum), the entries (`ReviewCodec`), then the index (per review file: relative path,
/// hash of its bytes, draft flag, offset, length and checksum of its entry). Anything that does not
/// add up (another version, a short file, a length past the end, a checksum) makes the file, or the
/// entry, count as absent: that review is parsed again.
final class ReviewCache: Sendable {
    static let formatVersion: UInt32 = 1
    private static let magic: UInt64 = 0x5356_5752_4452_5656 // "VVRDRWVS", little-endian
    private static let headerSize = 48

    struct Slot: Sendable {
        /// `StableHash` of the review file's bytes as read.
        let bytes: UInt64
        let isDraft: Bool
        let offset: Int
        let length: Int
        let checksum: UInt64
    }

    /// The key of everything a parse reads besides the file: see `settings(config:contentDisplay:)`.
    let settings: UInt64
    private let descriptor: Int32
    private let index: [String: Slot]

    private init(settings: UInt64, descriptor: Int32, index: [String: Slot]) {
        self.settings = settings
        self.descriptor = descriptor
        self.index = index
    }

    deinit { close(descriptor) }

    static func location(for output: URL) -> URL { POSIXFile.beside(output, "verdict-reviews") }

    /// What a review's parse depends on besides its file's bytes, so an entry is valid only under the
    /// same: the `verdict` binary (the parser's code), the content folder as named in diagnostics and
    /// `Review.path`, and what `Parser.markdownOptions` reads of site.yml (the baseURL's path, which
    /// prefixes root-relative links, and `unsafeHTML`). `--drafts` does not change a parse: a draft's
    /// entry is filtered like a freshly parsed draft. Nil without a readable binary: no cache then.
    static func settings(config: SiteConfig, contentDisplay: String) -> UInt64? {
        guard let executable = InputFingerprint.executableHash else { return nil }
        var hash = StableHash()
        hash.combine(UInt64(formatVersion))
        hash.combine(executable)
        hash.combine(contentDisplay)
        hash.combine(config.root)
        hash.combine(config.unsafeHTML ? 1 : 0)
        return hash.finalized
    }

    /// The entries of the file beside `output`, or nil when it is missing, damaged or of another format.
    /// Reads the header and the index only; entries are read when looked up.
    static func load(for output: URL) -> ReviewCache? {
        let descriptor = open(location(for: output).path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        guard let (settings, index) = readIndex(descriptor) else {
            close(descriptor)
            return nil
        }
        return ReviewCache(settings: settings, descriptor: descriptor, index: index)
    }

    private static func readIndex(_ descriptor: Int32) -> (settings: UInt64, index: [String: Slot])? {
        var info = stat()
        guard fstat(descriptor, &info) == 0, let header = bytes(descriptor, at: 0, count: headerSize) else { return nil }
        let size = UInt64(info.st_size)
        let fields: [UInt64]? = header.withUnsafeBytes { raw in
            var input = ByteReader(raw)
            return try? (0..<6).map { _ throws(ReviewCodec.Damaged) in try input.word() }
        }
        guard let fields, fields[0] == magic, fields[1] == UInt64(formatVersion),
              fields[3] >= UInt64(headerSize), fields[3] <= size, fields[4] == size - fields[3],
              let indexBytes = bytes(descriptor, at: Int(fields[3]), count: Int(fields[4])),
              checksum(indexBytes[...]) == fields[5] else { return nil }
        return indexBytes.withUnsafeBytes { raw in
            var input = ByteReader(raw)
            guard let index = try? decodeIndex(&input, end: Int(fields[3])), input.isAtEnd else { return nil }
            return (fields[2], index)
        }
    }

    private static func decodeIndex(_ input: inout ByteReader, end: Int) throws(ReviewCodec.Damaged) -> [String: Slot] {
        var index: [String: Slot] = [:]
        let count = try input.count()
        index.reserveCapacity(count)
        for _ in 0..<count {
            let path = try input.string()
            let slot = Slot(bytes: try input.word(), isDraft: try input.bool(), offset: try input.int(), length: try input.int(),
                            checksum: try input.word())
            guard slot.offset >= headerSize, slot.length > 0, slot.length <= end - slot.offset else { throw ReviewCodec.Damaged() }
            index[path] = slot
        }
        return index
    }

    /// The lookup the loader runs on each review file, or nil when this file was written under other settings.
    func known(settings: UInt64?) -> KnownReviews<Review>? {
        guard let settings, settings == self.settings, !index.isEmpty else { return nil }
        return KnownReviews { [self] relativePath, bytes in review(relativePath, bytes: bytes) }
    }

    /// The entry for the file at `relativePath` if it was parsed from exactly these bytes; nil (parse it
    /// again) when there is none or it cannot be read back whole.
    func review(_ relativePath: String, bytes: UInt64) -> KnownReview<Review>? {
        guard let slot = index[relativePath], slot.bytes == bytes else { return nil }
        guard let data = Self.bytes(descriptor, at: slot.offset, count: slot.length), Self.checksum(data[...]) == slot.checksum else {
            return nil
        }
        return data.withUnsafeBytes { raw -> KnownReview<Review>? in
            var input = ByteReader(raw)
            guard let (review, diagnostics) = try? ReviewCodec.decode(&input), input.isAtEnd,
                  review.meta.draft == slot.isDraft else { return nil }
            return KnownReview(value: review, isDraft: slot.isDraft, diagnostics: diagnostics)
        }
    }

    /// `count` bytes at `offset`, or nil when the file is shorter.
    private static func bytes(_ descriptor: Int32, at offset: Int, count: Int) -> [UInt8]? {
        guard count >= 0 else { return nil }
        var out = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = out.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, count - done, off_t(offset + done)) }
            guard got > 0 else { return nil }
            done += got
        }
        return out
    }

    private static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash = StableHash()
        bytes.withUnsafeBytes { hash.combine(bytes: $0) }
        return hash.finalized
    }

    /// True when this file already holds exactly `records` under `settings`: every one was taken from it
    /// and it has no other entry, so writing it again would give the same entries.
    func holds(_ records: [ReviewRecord], settings: UInt64) -> Bool {
        settings == self.settings && records.count == index.count && records.allSatisfy(\.known)
    }

    // MARK: Writing

    /// A review of the build just made, with what the loader knew of its file.
    struct Record: Sendable {
        let review: Review
        let file: ReviewRecord
    }

    /// Writes every review of a successful build, in chunks of about a megabyte (never the whole file in
    /// memory), to a temporary file that is renamed over the old one. A file that cannot be written
    /// only means parsing everything next time.
    static func save(_ records: [Record], settings: UInt64, for output: URL) {
        POSIXFile.replace(location(for: output)) { descriptor in write(records, settings: settings, to: descriptor) }
    }

    private static func write(_ records: [Record], settings: UInt64, to descriptor: Int32) -> Bool {
        var written = true
        var chunk = ByteWriter()
        chunk.bytes.reserveCapacity(chunkSize + 64 * 1024)
        chunk.bytes.append(contentsOf: repeatElement(0, count: headerSize))
        var fileOffset = 0
        var index = ByteWriter()
        index.int(records.count)
        for record in records {
            let start = chunk.bytes.count
            ReviewCodec.encode(record.review, diagnostics: record.file.diagnostics, into: &chunk)
            index.string(record.file.relativePath)
            index.word(record.file.bytes)
            index.bool(record.review.meta.draft)
            index.int(fileOffset + start)
            index.int(chunk.bytes.count - start)
            index.word(checksum(chunk.bytes[start...]))
            if chunk.bytes.count >= chunkSize {
                written = written && writeAll(descriptor, chunk.bytes[...])
                fileOffset += chunk.bytes.count
                chunk.bytes.removeAll(keepingCapacity: true)
            }
        }
        let indexOffset = fileOffset + chunk.bytes.count
        written = written && writeAll(descriptor, chunk.bytes[...]) && writeAll(descriptor, index.bytes[...])
        var header = ByteWriter()
        header.word(magic)
        header.word(UInt64(formatVersion))
        header.word(settings)
        header.word(UInt64(indexOffset))
        header.word(UInt64(index.bytes.count))
        header.word(checksum(index.bytes[...]))
        return written && header.bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) } == headerSize
    }

    private static let chunkSize = 1 << 20

    private static func writeAll(_ descriptor: Int32, _ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBytes { POSIXFile.writeAll(descriptor, $0) }
    }

    static func remove(for output: URL) {
        unlink(location(for: output).path)
    }
}
