import Foundation

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

/// The fingerprint of a page's view model: Mustache output is a function of the templates and this
/// value alone, so two equal fingerprints under the same theme mean the same page.
enum ContextFingerprint {
    /// Nil when the context holds a value of a type not listed here; such a page is always rendered.
    static func of(_ value: Any) -> UInt64? {
        var hash = StableHash()
        guard add(value, to: &hash) else { return nil }
        return hash.finalized
    }

    private enum Tag: UInt64 {
        case string = 1, int, double, bool, array, dictionary, null
    }

    @discardableResult
    private static func add(_ value: Any, to hash: inout StableHash) -> Bool {
        switch value {
        case let string as String:
            hash.combine(Tag.string.rawValue)
            hash.combine(string)
        case let bool as Bool:
            hash.combine(Tag.bool.rawValue)
            hash.combine(bool ? 1 : 0)
        case let int as Int:
            hash.combine(Tag.int.rawValue)
            hash.combine(UInt64(bitPattern: Int64(int)))
        case let double as Double:
            hash.combine(Tag.double.rawValue)
            hash.combine(double.bitPattern)
        case let dictionary as [String: Any]:
            // Dictionary order differs between processes: entries are hashed alone and summed, which
            // does not depend on order.
            hash.combine(Tag.dictionary.rawValue)
            hash.combine(UInt64(dictionary.count))
            var sum: UInt64 = 0
            for (key, element) in dictionary {
                var entry = StableHash()
                entry.combine(key)
                guard add(element, to: &entry) else { return false }
                sum &+= entry.finalized
            }
            hash.combine(sum)
        case let array as [[String: Any]]:
            hash.combine(Tag.array.rawValue)
            hash.combine(UInt64(array.count))
            for element in array where !add(element, to: &hash) { return false }
        case let array as [String]:
            hash.combine(Tag.array.rawValue)
            hash.combine(UInt64(array.count))
            for element in array { add(element, to: &hash) }
        case let array as [Any]:
            hash.combine(Tag.array.rawValue)
            hash.combine(UInt64(array.count))
            for element in array where !add(element, to: &hash) { return false }
        case is NSNull:
            hash.combine(Tag.null.rawValue)
        default:
            if let optional = value as? OptionalValue {
                guard let wrapped = optional.wrapped else {
                    hash.combine(Tag.null.rawValue)
                    return true
                }
                return add(wrapped, to: &hash)
            }
            return false
        }
        return true
    }
}

/// Lets an `Optional` stored as `Any` be looked into.
private protocol OptionalValue {
    var wrapped: Any? { get }
}

extension Optional: OptionalValue {
    fileprivate var wrapped: Any? { self.map { $0 } }
}
