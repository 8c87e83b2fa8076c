/// Walks compiled templates against a value, appending UTF-8 to a byte buffer.
///
/// The meaning of each tag follows swift-mustache 2.1.1, which Verdict's themes were written against:
/// - Falsey (a section is skipped, an inverted section shown): a missing name, `null`, `false`, an empty
///   list. Everything else is truthy: `""`, `0` and `{}` included.
/// - A section over a list renders once per item with the item pushed; over `true`, once with nothing
///   pushed; over any other truthy value, once with the value pushed. An inverted section over an empty
///   list pushes the list.
/// - A name is looked up from the innermost value outwards; `a.b.c` finds `a` that way and then `b` and
///   `c` inside it only; `.a` looks in the innermost value only. Only objects have fields, and a field
///   that is present stops the search even when it is `null`.
/// - `{{x}}` prints text escaped, HTML as it is, numbers as their text, booleans as `true`/`false`, and
///   nothing for null, lists and objects.
/// - The list position (`first()`, `last()`, `index()`, …) belongs to the innermost list section; a
///   section over a non-list value, a partial or a block starts without one.
struct TemplateRenderer {
    /// How deep partials, parents and blocks may nest before rendering stops: deep enough for any real
    /// theme, shallow enough that a template including itself ends with an error instead of a stack
    /// overflow.
    static let maximumDepth = 100
    /// How many partials, parents and blocks one render may expand in all: a block whose override
    /// expands itself twice would otherwise double the work at every level and never finish.
    static let maximumExpansions = 1_000_000

    struct Context {
        var position: ListPosition?
        var indentation: [UInt8]?
        var overrides: [BlockOverride]?
        var escapes = true
        var depth = 0
    }

    let templates: [[TemplateNode]]
    var out: [UInt8]
    var stack: [TemplateValue]
    var usage: TemplateTagUsage?
    var tooDeep = false
    var expansions = 0

    init(templates: [[TemplateNode]], out: [UInt8], root: TemplateValue, usage: TemplateTagUsage?) {
        self.templates = templates
        self.out = out
        self.stack = [root]
        self.usage = usage
        stack.reserveCapacity(16)
    }

    mutating func render(_ nodes: [TemplateNode], _ context: Context) {
        var context = context
        if let indentation = context.indentation, !indentation.isEmpty {
            renderIndented(nodes, &context, indentation)
        } else {
            for node in nodes { render(node, &context) }
        }
    }

    /// swift-mustache's partial indentation: a node's output is indented when it is not empty and what
    /// this template has written so far ends a line. Template text is merged across lines at parse time,
    /// so its inner line breaks are indented here as separate text nodes would have been; text from
    /// values is never indented inside.
    private mutating func renderIndented(_ nodes: [TemplateNode], _ context: inout Context, _ indentation: [UInt8]) {
        let start = out.count
        for node in nodes {
            let before = out.count
            let atLineStart = before > start && out[before - 1] == UInt8(ascii: "\n")
            if case .text(let text) = node {
                var lineStart = 0
                for index in text.indices where text[index] == UInt8(ascii: "\n") || index == text.count - 1 {
                    if lineStart > 0 || atLineStart { out.append(contentsOf: indentation) }
                    out.append(contentsOf: text[lineStart...index])
                    lineStart = index + 1
                }
            } else {
                render(node, &context)
                if atLineStart, out.count > before { out.insert(contentsOf: indentation, at: before) }
            }
        }
    }

    private mutating func render(_ node: TemplateNode, _ context: inout Context) {
        switch node {
        case .text(let text):
            out.append(contentsOf: text)

        case .variable(let name, let escaped):
            guard let value = lookup(name, context) else { return }
            switch value {
            case .text(let text):
                if escaped && context.escapes { appendHTMLEscaped(text, to: &out) } else { appendUTF8(text, to: &out) }
            case .html(let html):
                appendUTF8(html, to: &out)
            case .number(_, let text):
                if escaped && context.escapes { appendHTMLEscaped(text, to: &out) } else { appendUTF8(text, to: &out) }
            case .bool(let flag):
                appendUTF8(flag ? "true" : "false", to: &out)
            case .null, .list, .object:
                return
            }

        case .section(let name, let content):
            guard let value = lookup(name, context) else { return }
            switch value {
            case .list(let items):
                for (index, item) in items.enumerated() {
                    var inner = context
                    inner.position = ListPosition(index: index, isLast: index == items.count - 1)
                    stack.append(item)
                    render(content, inner)
                    stack.removeLast()
                }
            case .bool(let flag):
                if flag { render(content, context) }
            case .null:
                return
            default:
                var inner = context
                inner.position = nil
                stack.append(value)
                render(content, inner)
                stack.removeLast()
            }

        case .inverted(let name, let content):
            switch lookup(name, context) {
            case nil, .null?, .bool(false)?:
                render(content, context)
            case .list(let items)? where items.isEmpty:
                var inner = context
                inner.position = nil
                stack.append(.list(items))
                render(content, inner)
                stack.removeLast()
            default:
                return
            }

        case .partial(let target, let indentation, let overrides):
            guard target >= 0 else { return }
            expansions += 1
            guard context.depth < Self.maximumDepth, expansions <= Self.maximumExpansions else {
                tooDeep = true
                return
            }
            var inner = Context(position: nil, indentation: context.indentation, overrides: context.overrides,
                                escapes: true, depth: context.depth + 1)
            if let indentation { inner.indentation = (context.indentation ?? []) + indentation }
            if let overrides {
                // The outermost override of a block wins: a child's block beats its parent's own use of
                // the grandparent.
                var merged = context.overrides ?? []
                for override in overrides where !merged.contains(where: { $0.id == override.id }) { merged.append(override) }
                inner.overrides = merged
            }
            render(templates[target], inner)

        case .block(let id, let defaultContent, let indentation):
            // A block's override may expand the same block again: counted like a partial.
            expansions += 1
            guard context.depth < Self.maximumDepth, expansions <= Self.maximumExpansions else {
                tooDeep = true
                return
            }
            var inner = context
            inner.position = nil
            inner.depth += 1
            inner.indentation = (context.indentation ?? []) + indentation
            if let override = context.overrides?.first(where: { $0.id == id }) {
                render(override.content, inner)
            } else {
                render(defaultContent, inner)
            }

        case .escaping(let escapes):
            context.escapes = escapes
        }
    }

    /// The value a name stands for, helpers applied; nil when there is none.
    private mutating func lookup(_ name: TemplateName, _ context: Context) -> TemplateValue? {
        var value: TemplateValue?
        var helpers = name.helpers[...]
        switch name.base {
        case .current:
            value = stack.last
        case .position:
            if let position = context.position, let helper = helpers.popFirst() {
                value = helper.apply(to: position)
            }
        case .path(let parts):
            var level = stack.count - 1
            while level >= 0 {
                if case .object(let object) = stack[level], let found = object.fields[parts[0]] {
                    value = Self.descend(found, parts.dropFirst())
                    break
                }
                level -= 1
            }
        case .anchoredPath(let parts):
            if let top = stack.last { value = Self.descend(top, parts[...]) }
        }
        while let helper = helpers.popFirst(), let current = value {
            value = helper.apply(to: current)
        }
        if usage != nil { usage!.record(name.tag, resolved: value != nil) }
        return value
    }

    private static func descend(_ value: TemplateValue, _ parts: ArraySlice<String>) -> TemplateValue? {
        var value = value
        for part in parts {
            guard case .object(let object) = value, let child = object.fields[part] else { return nil }
            value = child
        }
        return value
    }
}
