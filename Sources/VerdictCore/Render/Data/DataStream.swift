import Foundation

/// A data file handed out in chunks as it is made, for files too large to build whole in memory
/// (`/api/models.json`: 46 MB at 10,000 reviews with three alternatives each, once the largest
/// allocation of a build). `Staging.write(_:to:)` writes each chunk as it comes.
struct DataStream: Sendable {
    /// Makes the file, handing `write` its bytes in order; a chunk is valid only during the call.
    let produce: @Sendable (_ write: ([UInt8]) -> Void) -> Void

    /// The whole file, for callers that keep files in memory anyway (`verdict serve`, `verdict check`).
    var data: Data {
        var data = Data()
        produce { data.append(contentsOf: $0) }
        return data
    }
}
