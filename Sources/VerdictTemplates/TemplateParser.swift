/// Parses one template's UTF-8 bytes into `TemplateNode`s.
///
/// The line rules (which tags stand alone on their line, which whitespace is kept, how partials and
/// blocks are indented) follow swift-mustache 2.1.1's parser step by step, because Verdict's themes were
/// written against it and must render byte for byte as before; swift-mustache passes the Mustache spec
/// except two `~inheritance` indentation cases, which `standaloneBlockIndentation` adds.
struct TemplateParser {
    /// A parse stops at its first error in a template (what follows is unreliable); unknown partials are
    /// collected instead, so one run reports them all.
    struct Failure: Error {
        let offset: Int
        let message: String
    }

    private struct State {
        var sectionName: [UInt8]?
        var sectionOffset = 0
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var start: [UInt8] = Array("{{".utf8)
        var end: [UInt8] = Array("}}".utf8)
        var definitionIndent: Int?

        func section(_ name: [UInt8], at offset: Int, newLine: Bool) -> State {
            var state = self
            state.sectionName = name
            state.sectionOffset = offset
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func parentDefinition(_ name: [UInt8], at offset: Int) -> State {
            var state = self
            state.sectionName = name
            state.sectionOffset = offset
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }
    }

    private struct Parsed {
        var nodes: [TemplateNode] = []
        var definitions: [BlockOverride] = []
    }

    let templateName: String
    private let bytes: [UInt8]
    private var index = 0
    /// Library-wide tables, read and extended while parsing.
    private let templateIndex: [String: Int]
    private let renderUnknownPartialsEmpty: Bool
    var blockIDs: [String: Int]
    var tags: [TemplateTag]
    var unknownPartials: [TemplateSyntaxError] = []

    init(name: String, source: String, templateIndex: [String: Int], renderUnknownPartialsEmpty: Bool,
         blockIDs: [String: Int], tags: [TemplateTag]) {
        templateName = name
        bytes = Array(source.utf8)
        self.templateIndex = templateIndex
        self.renderUnknownPartialsEmpty = renderUnknownPartialsEmpty
        self.blockIDs = blockIDs
        self.tags = tags
    }

    mutating func parse() throws(Failure) -> [TemplateNode] {
        try parse(State()).nodes
    }

    func location(of offset: Int) -> (line: Int, column: Int) { sourceLocation(of: offset, in: bytes) }

    // MARK: - The line loop

    private mutating func parse(_ initial: State) throws(Failure) -> Parsed {
        var parsed = Parsed()
        var state = initial
        var whitespace = index..<index
        while index < bytes.count {
            if state.newLine {
                let lineStart = index
                skip(spacesAndTabs: ())
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    // A block's body loses the indentation of its first line, so it can be re-indented
                    // where the block is expanded.
                    if let indent = state.definitionIndent {
                        whitespace = min(lineStart + indent, index)..<index
                    } else {
                        state.definitionIndent = index - lineStart
                    }
                } else {
                    whitespace = lineStart..<index
                }
            }
            let textStart = index
            let stop = readText(state)
            if case .newline(let length) = stop {
                appendText(&parsed.nodes, whitespace, textStart..<index + length)
                index += length
                state.newLine = true
                continue
            }
            if index > textStart {
                appendText(&parsed.nodes, whitespace, textStart..<index)
                whitespace = index..<index
                state.newLine = false
            }
            guard case .tag = stop else { break }
            let tagStart = index
            index += state.start.count
            guard index < bytes.count else { throw Failure(offset: tagStart, message: "unfinished tag at the end of the template") }
            var setNewLine = false
            let sigil = bytes[index]
            if state.isPartialDefinitionTopLevel, Self.notAllowedInParent.contains(sigil) || !Self.sigils.contains(sigil) {
                throw Failure(offset: tagStart, message: "only {{$block}} tags (and comments) may appear inside a {{<parent}} tag")
            }
            switch sigil {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                index += 1
                let raw = try readName(state, tagStart: tagStart)
                let name = try templateName(raw, at: tagStart, kind: sigil == UInt8(ascii: "#") ? .section : .invertedSection)
                if isStandalone(state) {
                    setNewLine = true
                } else {
                    appendText(&parsed.nodes, whitespace)
                }
                whitespace = index..<index
                let content = try parse(state.section(raw, at: tagStart, newLine: setNewLine)).nodes
                parsed.nodes.append(sigil == UInt8(ascii: "#") ? .section(name, content) : .inverted(name, content))

            case UInt8(ascii: "/"):
                index += 1
                let raw = try readName(state, tagStart: tagStart)
                guard let open = state.sectionName else {
                    throw Failure(offset: tagStart, message: "closing tag {{/\(text(raw))}} has no opening tag")
                }
                guard raw == open else {
                    throw Failure(offset: tagStart, message: "closing tag {{/\(text(raw))}} does not match the open section {{\(text(open))}} at \(place(state.sectionOffset))")
                }
                if !isStandalone(state) { appendText(&parsed.nodes, whitespace) }
                return parsed

            case UInt8(ascii: "!"):
                index += 1
                guard let close = find(state.end, from: index) else {
                    throw Failure(offset: tagStart, message: "unclosed comment: no \(text(state.end)) before the end of the template")
                }
                index = close + state.end.count
                setNewLine = isStandalone(state)

            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                appendText(&parsed.nodes, whitespace)
                whitespace = index..<index
                index += 1
                let triple = sigil == UInt8(ascii: "{")
                let raw = try readName(state, tagStart: tagStart, closing: triple ? [UInt8(ascii: "}")] + state.end : state.end)
                parsed.nodes.append(.variable(try templateName(raw, at: tagStart, kind: .variable), escaped: false))

            case UInt8(ascii: ">"):
                index += 1
                let name = try readPartialName(state, tagStart: tagStart)
                appendText(&parsed.nodes, whitespace)
                let standalone = isStandalone(state)
                setNewLine = standalone
                let target = resolve(name, at: tagStart, kind: "partial")
                parsed.nodes.append(.partial(target: target, indentation: standalone ? Array(bytes[whitespace]) : nil, overrides: nil))
                whitespace = index..<index

            case UInt8(ascii: "<"):
                index += 1
                let name = try readPartialName(state, tagStart: tagStart)
                appendText(&parsed.nodes, whitespace)
                setNewLine = isStandalone(state)
                let indentation = Array(bytes[whitespace])
                let target = resolve(name, at: tagStart, kind: "parent")
                let content = try parse(state.parentDefinition(Array(name.utf8), at: tagStart))
                parsed.nodes.append(.partial(target: target, indentation: indentation, overrides: content.definitions))
                whitespace = index..<index

            case UInt8(ascii: "$"):
                index += 1
                let raw = try readName(state, tagStart: tagStart)
                let name = text(raw)
                guard !raw.contains(UInt8(ascii: "(")), !name.isEmpty else {
                    throw Failure(offset: tagStart, message: "a block needs a plain name: {{$\(name)}}")
                }
                let id = blockID(name)
                if state.isPartialDefinitionTopLevel {
                    setNewLine = isStandalone(state)
                    let content = try parse(state.section(raw, at: tagStart, newLine: setNewLine)).nodes
                    parsed.definitions.append(BlockOverride(id: id, content: content))
                } else {
                    var indentation = Array(bytes[whitespace])
                    if isStandalone(state) {
                        setNewLine = true
                        indentation = standaloneBlockIndentation(state)
                    }
                    appendText(&parsed.nodes, indentation)
                    whitespace = index..<index
                    let content = try parse(state.section(raw, at: tagStart, newLine: setNewLine)).nodes
                    parsed.nodes.append(.block(id: id, defaultContent: content, indentation: indentation))
                }

            case UInt8(ascii: "="):
                index += 1
                try changeDelimiters(&state, tagStart: tagStart)
                setNewLine = isStandalone(state)

            case UInt8(ascii: "%"):
                index += 1
                parsed.nodes.append(.escaping(try readPragma(state, tagStart: tagStart)))
                setNewLine = isStandalone(state)

            default:
                appendText(&parsed.nodes, whitespace)
                whitespace = index..<index
                let raw = try readName(state, tagStart: tagStart)
                parsed.nodes.append(.variable(try templateName(raw, at: tagStart, kind: .variable), escaped: true))
            }
            state.newLine = setNewLine
        }
        if let open = state.sectionName {
            throw Failure(offset: state.sectionOffset, message: "unclosed section {{\(text(open))}}: no {{/\(text(open))}} before the end of the template")
        }
        return parsed
    }

    private static let sigils = Set("#^/!{&><$=%".utf8)
    private static let notAllowedInParent = Set("#^{&><%".utf8)

    // MARK: - Reading

    private enum Stop { case newline(Int), tag, end }

    /// Reads text up to a line break (left unread, its length returned) or the start delimiter (left
    /// unread) or the end.
    private mutating func readText(_ state: State) -> Stop {
        let first = state.start[0]
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") { return .newline(1) }
            if byte == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { return .newline(2) }
            if byte == first, matches(state.start, at: index) { return .tag }
            index += 1
        }
        return .end
    }

    /// A tag's name, trimmed, up to `closing` (the end delimiter by default), which is consumed.
    private mutating func readName(_ state: State, tagStart: Int, closing: [UInt8]? = nil) throws(Failure) -> [UInt8] {
        let closing = closing ?? state.end
        skipWhitespace()
        let nameStart = index
        while index < bytes.count, !isWhitespace(bytes[index]), !matches(closing, at: index) { index += 1 }
        let name = Array(bytes[nameStart..<index])
        skipWhitespace()
        guard matches(closing, at: index) else {
            if index >= bytes.count {
                throw Failure(offset: tagStart, message: "unclosed tag: no \(text(closing)) before the end of the template")
            }
            throw Failure(offset: tagStart, message: "a name cannot contain spaces: expected \(text(closing)) after \"\(text(name))\"")
        }
        index += closing.count
        return name
    }

    private mutating func readPartialName(_ state: State, tagStart: Int) throws(Failure) -> String {
        let name = try readName(state, tagStart: tagStart)
        guard !name.isEmpty else { throw Failure(offset: tagStart, message: "a partial or parent tag needs a template name") }
        guard name.first != UInt8(ascii: "*") else {
            throw Failure(offset: tagStart, message: "dynamic partial names ({{>*name}}) are not supported")
        }
        return text(name)
    }

    /// `{{=<% %>=}}`: two delimiters, no whitespace inside either, `=` at both ends.
    private mutating func changeDelimiters(_ state: inout State, tagStart: Int) throws(Failure) {
        let failure = Failure(offset: tagStart, message: "bad delimiter change: expected two delimiters separated by a space, as in \(text(state.start))=<% %>=\(text(state.end))")
        skipWhitespace()
        let startBegin = index
        while index < bytes.count, !isWhitespace(bytes[index]) { index += 1 }
        let start = Array(bytes[startBegin..<index])
        skipWhitespace()
        let endBegin = index
        while index < bytes.count, !isWhitespace(bytes[index]), bytes[index] != UInt8(ascii: "=") { index += 1 }
        let end = Array(bytes[endBegin..<index])
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "="), matches(state.end, at: index + 1),
              !start.isEmpty, !end.isEmpty else { throw failure }
        index += 1 + state.end.count
        state.start = start
        state.end = end
        state.isPartialDefinitionTopLevel = false
    }

    /// `{{% CONTENT_TYPE: HTML }}` or `TEXT`, as swift-mustache's content-type pragma.
    private mutating func readPragma(_ state: State, tagStart: Int) throws(Failure) -> Bool {
        guard let close = find(state.end, from: index) else {
            throw Failure(offset: tagStart, message: "unclosed tag: no \(text(state.end)) before the end of the template")
        }
        let body = text(Array(bytes[index..<close])).filter { !$0.isWhitespace }
        index = close + state.end.count
        switch body {
        case "CONTENT_TYPE:HTML": return true
        case "CONTENT_TYPE:TEXT": return false
        default: throw Failure(offset: tagStart, message: "unknown pragma: only CONTENT_TYPE: HTML and CONTENT_TYPE: TEXT exist")
        }
    }

    /// swift-mustache's "the rest of the line is blank": consumes the blanks and the line break.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if index == bytes.count { return true }
        var probe = index
        while probe < bytes.count, bytes[probe] == UInt8(ascii: " ") || bytes[probe] == UInt8(ascii: "\t") { probe += 1 }
        guard probe < bytes.count else { return false }
        if bytes[probe] == UInt8(ascii: "\n") {
            index = probe + 1
            return true
        }
        if bytes[probe] == UInt8(ascii: "\r"), probe + 1 < bytes.count, bytes[probe + 1] == UInt8(ascii: "\n") {
            index = probe + 2
            return true
        }
        return false
    }

    /// A block expanded on a line of its own is indented as its default content's first line (the spec's
    /// "Intrinsic indentation"), less the indentation a block definition around it has already lost.
    private func standaloneBlockIndentation(_ state: State) -> [UInt8] {
        var end = index
        while end < bytes.count, bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t") { end += 1 }
        var start = index
        if state.isPartialDefinition, !state.isPartialDefinitionTopLevel, let indent = state.definitionIndent {
            start = min(index + indent, end)
        }
        return Array(bytes[start..<end])
    }

    // MARK: - Names

    private mutating func templateName(_ raw: [UInt8], at offset: Int, kind: TemplateTag.Kind) throws(Failure) -> TemplateName {
        let written = text(raw)
        var helpers: [TemplateHelper] = []
        var target = Substring(written)
        if target.contains("(") {
            // `count(reversed(items))`: helper names, then the argument, then one `)` per helper.
            var rest = target
            while let paren = rest.firstIndex(of: "(") {
                let helperName = String(rest[..<paren])
                guard let helper = TemplateHelper(rawValue: helperName) else {
                    let known = TemplateHelper.allCases.map(\.rawValue).joined(separator: ", ")
                    throw Failure(offset: offset, message: "unknown helper \"\(helperName)\" in {{\(written)}}; the helpers are \(known)")
                }
                helpers.insert(helper, at: 0)
                rest = rest[rest.index(after: paren)...]
            }
            let closing = rest.drop { $0 != ")" }
            target = rest[..<closing.startIndex]
            guard closing.count == helpers.count, closing.allSatisfy({ $0 == ")" }) else {
                throw Failure(offset: offset, message: "unbalanced parentheses in {{\(written)}}: write helper(name), as in count(items)")
            }
        } else if written.contains(")") {
            throw Failure(offset: offset, message: "unbalanced parentheses in {{\(written)}}: write helper(name), as in count(items)")
        }
        let base: TemplateName.Base
        if target == "." {
            base = .current
        } else if target.isEmpty {
            guard !helpers.isEmpty else { throw Failure(offset: offset, message: "empty tag: a name is missing") }
            base = .position
        } else if target.first == "." {
            base = .anchoredPath(target.split(separator: ".").map(String.init))
        } else {
            base = .path(target.split(separator: ".").map(String.init))
        }
        let place = location(of: offset)
        tags.append(TemplateTag(template: templateName, line: place.line, column: place.column, name: written, kind: kind))
        return TemplateName(base: base, helpers: helpers, tag: tags.count - 1)
    }

    private mutating func resolve(_ name: String, at offset: Int, kind: String) -> Int {
        if let target = templateIndex[name] { return target }
        if !renderUnknownPartialsEmpty {
            let place = location(of: offset)
            unknownPartials.append(TemplateSyntaxError(template: templateName, line: place.line, column: place.column,
                                                       message: "unknown \(kind) \"\(name)\": no template has that name"))
        }
        return -1
    }

    private mutating func blockID(_ name: String) -> Int {
        if let id = blockIDs[name] { return id }
        blockIDs[name] = blockIDs.count
        return blockIDs.count - 1
    }

    // MARK: - Bytes

    private mutating func appendText(_ nodes: inout [TemplateNode], _ whitespace: Range<Int>, _ text: Range<Int>? = nil) {
        var bytes = Array(self.bytes[whitespace])
        if let text { bytes += self.bytes[text] }
        appendText(&nodes, bytes)
    }

    /// Adjacent text merges into one node: fewer nodes to walk, the same output.
    private func appendText(_ nodes: inout [TemplateNode], _ text: [UInt8]) {
        guard !text.isEmpty else { return }
        if case .text(let previous) = nodes.last {
            nodes[nodes.count - 1] = .text(previous + text)
        } else {
            nodes.append(.text(text))
        }
    }

    private func matches(_ needle: [UInt8], at offset: Int) -> Bool {
        guard offset + needle.count <= bytes.count else { return false }
        for (k, byte) in needle.enumerated() where bytes[offset + k] != byte { return false }
        return true
    }

    private func find(_ needle: [UInt8], from offset: Int) -> Int? {
        var probe = offset
        while probe + needle.count <= bytes.count {
            if matches(needle, at: probe) { return probe }
            probe += 1
        }
        return nil
    }

    private func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, isWhitespace(bytes[index]) { index += 1 }
    }

    private mutating func skip(spacesAndTabs: Void) {
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
    }

    private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    private func place(_ offset: Int) -> String {
        let place = location(of: offset)
        return "line \(place.line), column \(place.column)"
    }
}
