/// A minimal SVG tree: attributes keep the order they were written in, and every text and
/// attribute value is escaped on output, so the same chart always renders to the same bytes.
enum SVG {
    enum Node: Sendable, Equatable {
        case element(Element)
        case text(String)
    }

    struct Element: Sendable, Equatable {
        let name: String
        var attributes: [Attribute]
        var children: [Node]

        init(_ name: String, _ attributes: KeyValuePairs<String, any SVGValue> = [:], _ children: [Node] = []) {
            self.name = name
            self.attributes = attributes.map { Attribute(name: $0.key, value: $0.value.svgText) }
            self.children = children
        }

        init(_ name: String, _ attributes: KeyValuePairs<String, any SVGValue> = [:], text: String) {
            self.init(name, attributes, [.text(text)])
        }

        /// Adds an attribute unless the value is nil, so optional attributes stay one expression.
        func with(_ name: String, _ value: (any SVGValue)?) -> Element {
            guard let value else { return self }
            var copy = self
            copy.attributes.append(Attribute(name: name, value: value.svgText))
            return copy
        }

        var node: Node { .element(self) }

        func render() -> String {
            var out = ""
            write(to: &out)
            return out
        }

        /// Elements with element children put each child on its own line; text-only elements stay
        /// on one line because whitespace inside `<text>` would be drawn.
        func write(to out: inout String) {
            out += "<" + name
            for attribute in attributes {
                out += " " + attribute.name + "=\"" + SVG.escape(attribute.value) + "\""
            }
            if children.isEmpty {
                out += "/>"
                return
            }
            out += ">"
            let block = children.contains { if case .element = $0 { true } else { false } }
                && !children.contains { if case .text = $0 { true } else { false } }
            for child in children {
                if block { out += "\n" }
                switch child {
                case .element(let element): element.write(to: &out)
                case .text(let text): out += SVG.escape(text)
                }
            }
            if block { out += "\n" }
            out += "</" + name + ">"
        }
    }

    struct Attribute: Sendable, Equatable {
        let name: String
        let value: String
    }

    static func group(_ attributes: KeyValuePairs<String, any SVGValue> = [:], _ children: [Element]) -> Element {
        Element("g", attributes, children.map(\.node))
    }

    /// Chart text and attribute values, escaped as `Escape.xml` does, apostrophe as `&#39;`.
    static func escape(_ text: String) -> String { Escape.markup(text, apostrophe: "&#39;") }

    /// Coordinates with at most two decimals, no exponent, no locale, no "-0": a hundredth of a
    /// user unit is invisible, and fixed rounding keeps output byte-stable.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let hundredths = (value * 100).rounded()
        guard abs(hundredths) < 1e17 else { return value < 0 ? "-1e15" : "1e15" }
        let scaled = Int64(hundredths)
        if scaled == 0 { return "0" }
        let sign = scaled < 0 ? "-" : ""
        let magnitude = scaled.magnitude
        let whole = magnitude / 100, fraction = magnitude % 100
        if fraction == 0 { return sign + String(whole) }
        if fraction % 10 == 0 { return sign + String(whole) + "." + String(fraction / 10) }
        return sign + String(whole) + (fraction < 10 ? ".0" : ".") + String(fraction)
    }
}

/// Something that can be an attribute value; numbers go through `SVG.number`.
protocol SVGValue: Sendable {
    var svgText: String { get }
}

extension String: SVGValue { var svgText: String { self } }
extension Double: SVGValue { var svgText: String { SVG.number(self) } }
extension Int: SVGValue { var svgText: String { String(self) } }

/// Path data built from absolute commands, with the same number formatting as attributes.
struct SVGPath: Sendable, Equatable {
    private(set) var data = ""

    mutating func move(_ x: Double, _ y: Double) { data += "M" + SVG.number(x) + "," + SVG.number(y) }
    mutating func line(_ x: Double, _ y: Double) { data += "L" + SVG.number(x) + "," + SVG.number(y) }
    mutating func close() { data += "Z" }

    static func polyline(_ points: [(x: Double, y: Double)]) -> SVGPath {
        var path = SVGPath()
        for (index, point) in points.enumerated() {
            if index == 0 { path.move(point.x, point.y) } else { path.line(point.x, point.y) }
        }
        return path
    }

    static func diamond(x: Double, y: Double, radius r: Double) -> SVGPath {
        var path = SVGPath()
        path.move(x, y - r); path.line(x + r, y); path.line(x, y + r); path.line(x - r, y); path.close()
        return path
    }
}
