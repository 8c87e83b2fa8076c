import Foundation

/// RFC 4180 tables: quoted fields (with `""` for a quote, commas and line breaks inside), CRLF or LF line
/// ends, a UTF-8 byte-order mark. A small reader of our own rather than a package: messages need the source
/// line of each record, which none of the CSV packages on the machine's list report.
struct CSVTable {
    struct Record {
        let fields: [String]
        /// Line where the record starts (a quoted field may span lines).
        let line: Int
    }

    let header: [String]
    let records: [Record]

    enum Failure: Error {
        case unterminatedQuote(line: Int)
        case empty
    }

    init(parsing text: String) throws(Failure) {
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quoteLine = 1
        var atFieldStart = true
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var index = 0
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            atFieldStart = true
        }
        func endRecord() {
            endField()
            // A blank line is no record.
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(fields: fields, line: recordLine)) }
            fields.removeAll()
        }
        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    if !(byte == UInt8(ascii: "\r") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n")) { field.append(byte) }
                }
            } else {
                switch byte {
                case UInt8(ascii: "\"") where atFieldStart:
                    inQuotes = true
                    quoteLine = line
                    atFieldStart = false
                case UInt8(ascii: ","):
                    endField()
                case UInt8(ascii: "\r"):
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
                    endRecord()
                    line += 1
                    recordLine = line
                case UInt8(ascii: "\n"):
                    endRecord()
                    line += 1
                    recordLine = line
                default:
                    field.append(byte)
                    atFieldStart = false
                }
            }
            index += 1
        }
        if inQuotes { throw .unterminatedQuote(line: quoteLine) }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        guard let first = records.first else { throw .empty }
        header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        self.records = Array(records.dropFirst())
    }
}
