import Foundation

/// Files written in chunks as they are made (`DataStream`), beside `Staging.write(_:to:)` for whole files.
extension Staging {
    /// Writes `stream` to `relative` chunk by chunk and returns `StableHash.of` the file's bytes, for the
    /// build cache. As for whole files, when the current output already holds these exact bytes the
    /// staged file is dropped and the output's copy stays as it is, keeping its inode and modification time.
    func write(_ stream: DataStream, to relative: String) throws(Diagnostic) -> UInt64 {
        guard Staging.isSafe(relative) else {
            throw Diagnostic(path: relative, "refusing to write outside the output folder")
        }
        let staged = stagedPath(for: relative)
        let descriptor = POSIXFile.create(staged)
        guard descriptor >= 0 else { throw Diagnostic(path: relative, "cannot write file: \(POSIXFile.lastError)") }
        var failure: String?
        stream.produce { chunk in
            guard failure == nil else { return }
            if !chunk.withUnsafeBytes({ POSIXFile.writeAll(descriptor, $0) }) { failure = POSIXFile.lastError }
        }
        if close(descriptor) != 0, failure == nil { failure = POSIXFile.lastError }
        if let failure { throw Diagnostic(path: relative, "cannot write file: \(failure)") }
        do {
            let previous = output.appendingPathComponent(relative).path
            let compare = mode == .inPlace && existing[relative] == .file
            let (hash, same) = try StreamedFile.hash(staged, comparingWith: compare ? previous : nil)
            if same { unstage(relative, at: staged) }
            return hash
        } catch {
            throw Diagnostic(path: relative, "cannot write file: \(error.localizedDescription)")
        }
    }
}

enum StreamedFile {
    /// `StableHash.of` the file at `path`, read in chunks, and whether `other` holds the same bytes.
    static func hash(_ path: String, comparingWith other: String?, chunk: Int = 1 << 20) throws -> (hash: UInt64, same: Bool) {
        let size = try (FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        guard let file = FileHandle(forReadingAtPath: path) else { throw CocoaError(.fileReadUnknown) }
        defer { try? file.close() }
        var old: FileHandle?
        if let other, let attributes = try? FileManager.default.attributesOfItem(atPath: other),
           attributes[.type] as? FileAttributeType == .typeRegular, (attributes[.size] as? NSNumber)?.intValue == size {
            old = FileHandle(forReadingAtPath: other)
        }
        defer { try? old?.close() }
        var same = old != nil
        var hash = StableHash.Chunked(count: size)
        var read = 0
        while let bytes = try file.read(upToCount: chunk), !bytes.isEmpty {
            hash.add(bytes)
            read += bytes.count
            if same { same = (try? old?.read(upToCount: bytes.count)) == bytes }
        }
        guard read == size else { throw CocoaError(.fileReadUnknown) }
        return (hash.finalized, same)
    }

}

extension StableHash {
    /// `StableHash.of` the bytes that arrive in chunks of any size, their total known beforehand (it is
    /// hashed first).
    struct Chunked {
        private var hash = StableHash()
        /// Fewer than 8 bytes held back until the next chunk completes their word.
        private var pending: [UInt8] = []

        init(count: Int) { hash.combine(UInt64(count)) }

        mutating func add(_ data: Data) {
            data.withUnsafeBytes { buffer in
                var offset = 0
                while !pending.isEmpty, offset < buffer.count {
                    pending.append(buffer[offset])
                    offset += 1
                    if pending.count == 8 {
                        pending.withUnsafeBytes { hash.combine($0.loadUnaligned(as: UInt64.self)) }
                        pending.removeAll(keepingCapacity: true)
                    }
                }
                while offset + 8 <= buffer.count {
                    hash.combine(buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                    offset += 8
                }
                pending.append(contentsOf: buffer[offset...])
            }
        }

        /// The tail shorter than a word goes in byte by byte, as `combine(bytes:)` does.
        var finalized: UInt64 {
            var hash = hash
            for byte in pending { hash.combine(UInt64(byte)) }
            return hash.finalized
        }
    }
}
