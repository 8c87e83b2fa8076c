import Foundation
import VerdictTemplates

/// A 64-bit hash that is the same in every process and on every machine, for the build cache: Swift's
/// `Hasher` is seeded per process, so its values cannot be stored. FNV-1a over 8-byte words (bytes for
/// the tail). It detects changes; it is not meant to resist someone crafting collisions.
struct StableHash: Sendable {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    mutating func combine(_ word: UInt64) {
        value = (value ^ word) &* Self.prime
    }

    mutating func combine(bytes buffer: UnsafeRawBufferPointer) {
        combine(UInt64(buffer.count))
        var offset = 0
        while offset + 8 <= buffer.count {
            combine(buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        while offset < buffer.count {
            value = (value ^ UInt64(buffer[offset])) &* Self.prime
            offset += 1
        }
    }

    mutating func combine(_ string: String) {
        var string = string
        string.withUTF8 { combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    mutating func combine(_ data: Data) {
        data.withUnsafeBytes { combine(bytes: $0) }
    }

    /// A final mix, so values that differ in few bits differ in many.
    var finalized: UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    static func of(_ data: Data) -> UInt64 {
        var hash = StableHash()
        hash.combine(data)
        return hash.finalized
    }
}

/// The fingerprint of a page's view model: template output is a function of the templates and this
/// value alone, so two equal fingerprints under the same theme mean the same page. Every value a
/// template can read goes in, with its kind: `.text("1")`, `.html("1")` and `.int(1)` print alike
/// through `{{x}}` but not through sections or escaping, so they must not fingerprint alike.
enum ContextFingerprint {
    static func of(_ value: TemplateValue) -> UInt64 {
        var hash = StableHash()
        add(value, to: &hash)
        return hash.finalized
    }

    private enum Tag: UInt64 {
        case text = 1, number, bool, list, object, null, html
    }

    private static func add(_ value: TemplateValue, to hash: inout StableHash) {
        switch value {
        case .null:
            hash.combine(Tag.null.rawValue)
        case .bool(let bool):
            hash.combine(Tag.bool.rawValue)
            hash.combine(bool ? 1 : 0)
        case .number(let number, let text):
            hash.combine(Tag.number.rawValue)
            hash.combine(number.bitPattern)
            hash.combine(text)
        case .text(let text):
            hash.combine(Tag.text.rawValue)
            hash.combine(text)
        case .html(let html):
            hash.combine(Tag.html.rawValue)
            hash.combine(html)
        case .list(let elements):
            hash.combine(Tag.list.rawValue)
            hash.combine(UInt64(elements.count))
            for element in elements { add(element, to: &hash) }
        case .object(let object):
            // Dictionary order differs between processes: entries are hashed alone and summed, which
            // does not depend on order.
            hash.combine(Tag.object.rawValue)
            hash.combine(UInt64(object.fields.count))
            var sum: UInt64 = 0
            for (key, field) in object.fields {
                var entry = StableHash()
                entry.combine(key)
                add(field, to: &entry)
                sum &+= entry.finalized
            }
            hash.combine(sum)
        }
    }
}
