import Foundation
import Testing
@testable import VerdictCore
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The SVG chart layer: scales, ticks, frontier, label layout and the SVG the charts write.
@Suite("Charts")
struct ChartTests {
    // MARK: SVG builder

    @Suite("SVG builder")
    struct Builder {
        @Test func escapesTextAndAttributes() {
            let element = SVG.Element("text", ["data-x": "a<b>&\"c'"], text: "x<y & \"z\" 'w'")
            #expect(element.render() == "<text data-x=\"a&lt;b&gt;&amp;&quot;c&#39;\">x&lt;y &amp; &quot;z&quot; &#39;w&#39;</text>")
        }

        @Test func dropsCharactersXMLForbids() {
            #expect(SVG.escape("a\u{0}b\u{1B}c\td\u{FFFF}") == "abc\td")
            #expect(SVG.escape("\u{1F}") == "")
            #expect(SVG.escape("x\u{FFFE}") == "x")
        }

        @Test(arguments: ["", "GPT-4.1 mini", "Mistral Small · 24B é 😀", "line\nnext\tcol\r", "\u{F000}\u{FFFD}ï"])
        func leavesTextWithNothingToEscapeAsItIs(_ text: String) {
            #expect(SVG.escape(text) == text)
        }

        @Test func keepsAttributeOrderAsWritten() {
            let element = SVG.Element("rect", ["y": 2, "x": 1.5, "class": "b"]).with("a", "z")
            #expect(element.render() == "<rect y=\"2\" x=\"1.5\" class=\"b\" a=\"z\"/>")
        }

        @Test func numbersHaveAtMostTwoDecimals() {
            #expect(SVG.number(1) == "1")
            #expect(SVG.number(1.5) == "1.5")
            #expect(SVG.number(1.005_1) == "1.01")
            #expect(SVG.number(2.0 / 3.0) == "0.67")
            #expect(SVG.number(-0.001) == "0", "no negative zero")
            #expect(SVG.number(-12.04) == "-12.04")
            #expect(SVG.number(0.1 + 0.2) == "0.3")
            #expect(SVG.number(.nan) == "0")
            #expect(SVG.number(123_456.789) == "123456.79")
        }

        @Test func blockChildrenGoOnTheirOwnLinesButTextStaysInline() {
            let group = SVG.group([:], [SVG.Element("text", text: "a"), SVG.Element("circle", ["r": 1])])
            #expect(group.render() == "<g>\n<text>a</text>\n<circle r=\"1\"/>\n</g>")
        }

        @Test func pathData() {
            #expect(SVGPath.polyline([(0, 0), (10.126, 5), (20, -1)]).data == "M0,0L10.13,5L20,-1")
            #expect(SVGPath.diamond(x: 10, y: 10, radius: 2).data == "M10,8L12,10L10,12L8,10Z")
        }
    }

    // MARK: Scales

    @Suite("Scales")
    struct Scales {
        @Test func linearMapsAndInverts() {
            let scale = LinearScale(domain: 0...100, range: 50...550)
            #expect(scale(0) == 50)
            #expect(scale(50) == 300)
            #expect(scale(100) == 550)
            #expect(scale.invert(300) == 50)
            #expect(scale.invert(scale(37.5)) == 37.5)
        }

        @Test func reversedPutsTheLowerEndAtTheRangesUpperEnd() {
            let y = LinearScale(domain: 0...10, range: 20...220, reversed: true)
            #expect(y(0) == 220)
            #expect(y(10) == 20)
            #expect(y(2.5) == 170)
            #expect(y.invert(170) == 2.5)
        }

        @Test func extrapolatesUnlessClamped() {
            let scale = LinearScale(domain: 0...10, range: 0...100)
            #expect(scale(15) == 150)
            #expect(scale(-5) == -50)
            #expect(scale.clamped(15) == 100)
            #expect(scale.clamped(-5) == 0)
            #expect(scale.clamped(5) == 50)
        }

        @Test func zeroWidthDomainMapsToTheMiddle() {
            let scale = LinearScale(domain: 3...3, range: 0...100)
            #expect(scale(3) == 50)
            #expect(scale(1000) == 50)
        }

        @Test func logMapsDecadesEvenly() {
            let scale = LogScale(domain: 1...1000, range: 0...300)
            #expect(abs(scale(1) - 0) < 1e-9)
            #expect(abs(scale(10) - 100) < 1e-9)
            #expect(abs(scale(100) - 200) < 1e-9)
            #expect(abs(scale(1000) - 300) < 1e-9)
            #expect(abs(scale.invert(150) - 10.0.squareRoot() * 10) < 1e-9)
            #expect(abs(scale(10_000) - 400) < 1e-9, "extrapolates like the linear scale")
            #expect(scale.clamped(10_000) == 300)
        }

        @Test func logNeverProducesNaN() {
            let scale = LogScale(domain: 1...100, range: 0...200)
            #expect(scale(0) == 0)
            #expect(scale(-5) == 0)
            let repaired = LogScale(domain: 0...100, range: 0...200)
            #expect(repaired.domain == 0.1...100)
            #expect(LogScale(domain: -5...0, range: 0...1).domain == 1...10)
        }

        @Test func niceScaleKeepsRange() {
            let scale = LinearScale(domain: 0...97, range: 10...20, reversed: true).nice()
            #expect(scale.domain == 0...100)
            #expect(scale.range == 10...20)
            #expect(scale.reversed)
        }

        @Test func logRuleNeedsPositiveValuesSpanningMoreThanTwentyTimes() {
            #expect(LogScale.isSuitable(for: [1, 21]))
            #expect(LogScale.isSuitable(for: [0.15, 3, 60]))
            #expect(!LogScale.isSuitable(for: [1, 20]), "exactly 20× stays linear")
            #expect(!LogScale.isSuitable(for: [0, 100]))
            #expect(!LogScale.isSuitable(for: [-1, 100]))
            #expect(!LogScale.isSuitable(for: []))
            #expect(!LogScale.isSuitable(for: [5]))
            #expect(LogScale.isSuitable(for: [1, .nan, 50]), "non-finite values are ignored")
        }
    }

    // MARK: Ticks

    @Suite("Ticks")
    struct TickTests {
        @Test func niceDomainsStartAndEndOnTicks() {
            #expect((0...97).nice() == 0...100)
            #expect(Ticks.linear(0, 100, count: 5) == [0, 20, 40, 60, 80, 100])
            #expect((0.013...0.9).nice() == 0...1)
            #expect(Ticks.linear(0, 1, count: 5) == [0, 0.2, 0.4, 0.6, 0.8, 1])
            #expect((-3.2...7.9).nice() == -4...8)
            #expect((55.5...81.2).nice() == 55...85)
            #expect((1...1850).nice() == 0...2000)
        }

        @Test func ticksInsideARawDomain() {
            #expect(LinearScale(domain: 0...97, range: 0...1).ticks(count: 5) == [0, 20, 40, 60, 80])
            #expect(Ticks.linear(0.013, 0.9, count: 5) == [0.2, 0.4, 0.6, 0.8])
            #expect(Ticks.linear(3, 4, count: 5) == [3, 3.2, 3.4, 3.6, 3.8, 4])
            #expect(Ticks.linear(-3.2, 7.9, count: 5) == [-2, 0, 2, 4, 6])
            #expect(Ticks.linear(0, 0.0042, count: 5) == [0, 0.001, 0.002, 0.003, 0.004])
            #expect(Ticks.linear(0, 0.0035, count: 5) == [0, 0.0005, 0.001, 0.0015, 0.002, 0.0025, 0.003, 0.0035])
        }

        @Test func tickValuesAreExactDecimals() {
            // 3 × 0.2 in floating point is 0.6000000000000001; ticks must be the literal 0.6.
            #expect(Ticks.linear(0.5, 0.7, count: 2).contains(0.6))
            #expect(Ticks.linear(0, 0.3, count: 3) == [0, 0.1, 0.2, 0.3])
        }

        @Test func degenerateDomains() {
            #expect((0...0).nice() == 0...1)
            let widened = (3...3).nice()
            #expect(widened.lowerBound < 3 && widened.upperBound > 3)
            #expect(Ticks.linear(5, 5, count: 5) == [5])
            #expect(Ticks.linear(0, .infinity, count: 5).isEmpty)
        }

        @Test func integerTicksNeverSplitAUnit() {
            #expect(Ticks.linear(1, 3, count: 4, integers: true) == [1, 2, 3])
            #expect(Ticks.linear(1, 3, count: 4) == [1, 1.5, 2, 2.5, 3])
        }

        @Test func logTicksAreDecadesOverManyDecades() {
            #expect(LogScale(domain: 0.1...1000, range: 0...1).ticks(count: 5) == [0.1, 1, 10, 100, 1000])
            #expect(Ticks.log(0.001, 1_000_000, count: 5) == [0.001, 0.01, 0.1, 1, 10, 100, 1000, 10_000, 100_000, 1_000_000])
            #expect(Ticks.log(1e-6, 1e12, count: 5) == [1e-6, 1e-2, 1e2, 1e6, 1e10], "thinned when even decades are too many")
        }

        @Test func logTicksSubdivideFewDecades() {
            #expect(Ticks.log(1, 50, count: 5) == [1, 2, 5, 10, 20, 50])
            #expect(Ticks.log(0.5, 200, count: 5) == [0.5, 1, 2, 5, 10, 20, 50, 100, 200])
            #expect(Ticks.log(3, 4, count: 5) == Ticks.linear(3, 4, count: 5), "within one 1-2-5 step, linear")
        }

        @Test func niceLogDomains() {
            #expect((0.8...150).niceLog() == 0.5...200)
            #expect((2...60).niceLog() == 2...100)
            #expect((0.13...870).niceLog() == 0.1...1000)
            #expect((0.3...870).niceLog() == 0.1...1000, "decade ticks only, so the ends move to decades")
            for domain in [0.8...150, 2...60, 0.3...870, 0.013...4.2] {
                let nice = domain.niceLog()
                let ticks = Ticks.log(nice.lowerBound, nice.upperBound, count: 5)
                #expect(ticks.first == nice.lowerBound && ticks.last == nice.upperBound, "\(domain) → \(nice): \(ticks)")
            }
        }

        @Test func labelsAreShortAndLocaleFree() {
            let cases: [(Double, String)] = [
                (0, "0"), (0.5, "0.5"), (1, "1"), (2.5, "2.5"), (10, "10"), (0.001, "0.001"), (0.1 + 0.2, "0.3"),
                (999, "999"), (1000, "1k"), (1500, "1.5k"), (2000, "2k"), (12_500, "12.5k"), (250_000, "250k"),
                (1_000_000, "1M"), (2_500_000_000, "2.5B"), (-20, "-20"), (-1500, "-1.5k"), (-0.0, "0"),
            ]
            for (value, label) in cases {
                #expect(TickFormat.label(value) == label, "\(value)")
            }
        }
    }

    // MARK: Pareto frontier

    @Suite("Pareto frontier")
    struct Frontier {
        @Test func cheapAndGoodModels() {
            // (price, quality): C is beaten by B (cheaper and better); the rest are trade-offs.
            let points: [(x: Double, y: Double)] = [(1, 50), (2, 60), (3, 55), (0.5, 40), (5, 80)]
            #expect(ParetoFrontier.points(points, xBetter: .lower, yBetter: .higher) == [3, 0, 1, 4])
        }

        @Test func directionsMatter() {
            let points: [(x: Double, y: Double)] = [(1, 5), (2, 2), (3, 3)]
            #expect(ParetoFrontier.points(points, xBetter: .lower, yBetter: .lower) == [0, 1])
            #expect(ParetoFrontier.points(points, xBetter: .higher, yBetter: .higher) == [0, 2])
            #expect(ParetoFrontier.points(points, xBetter: .higher, yBetter: .lower) == [1, 2])
            #expect(ParetoFrontier.points(points, xBetter: .lower, yBetter: .higher) == [0])
        }

        @Test func identicalPointsAreAllKept() {
            let points: [(x: Double, y: Double)] = [(1, 1), (2, 0), (1, 1)]
            #expect(ParetoFrontier.points(points, xBetter: .higher, yBetter: .higher) == [0, 2, 1])
        }

        @Test func aTieOnOneAxisIsDecidedByTheOther() {
            let points: [(x: Double, y: Double)] = [(1, 1), (1, 2), (0, 2)]
            #expect(ParetoFrontier.points(points, xBetter: .higher, yBetter: .higher) == [1])
            #expect(ParetoFrontier.points(points, xBetter: .lower, yBetter: .higher) == [2])
        }

        @Test func smallAndUnusableInputs() {
            #expect(ParetoFrontier.points([], xBetter: .lower, yBetter: .higher).isEmpty)
            #expect(ParetoFrontier.points([(3, 4)], xBetter: .lower, yBetter: .higher) == [0])
            let withNaN: [(x: Double, y: Double)] = [(.nan, 100), (2, 1), (1, .infinity)]
            #expect(ParetoFrontier.points(withNaN, xBetter: .lower, yBetter: .higher) == [1])
        }
    }

    // MARK: Label layout

    @Suite("Label layout")
    struct Labels {
        static let crowd: [ChartPoint] = (0..<14).map { (i: Int) -> ChartPoint in
            let x: Double = 1 + Double(i % 4) * 0.01
            let y: Double = 70 + Double(i) * 0.05
            return ChartPoint("Model number \(i)", x: x, y: y, highlighted: i == 5)
        } + [ChartPoint("Far away", x: 40, y: 35), ChartPoint("Also far", x: 0.2, y: 20)]

        static func chart(_ points: [ChartPoint]) -> ScatterChart {
            ScatterChart(title: "Crowded", description: "", xLabel: "Price", yLabel: "Quality", points: points,
                         xBetter: .lower, yBetter: .higher)
        }

        @Test func crowdedLabelsDoNotOverlap() {
            let layout = Labels.chart(Labels.crowd).layout()
            let boxes = layout.labels.sorted { $0.key < $1.key }.map(\.value.box)
            #expect(boxes.count == Labels.crowd.count, "every point is labelled")
            for i in boxes.indices {
                for j in boxes.indices where j > i {
                    #expect(!boxes[i].overlaps(boxes[j]), "labels \(i) and \(j) overlap: \(boxes[i]) \(boxes[j])")
                }
            }
        }

        @Test func labelsDoNotCoverPoints() {
            let layout = Labels.chart(Labels.crowd).layout()
            for (_, placement) in layout.labels {
                for i in layout.drawn {
                    let x = layout.xScale(Labels.crowd[i].x), y = layout.yScale(Labels.crowd[i].y)
                    let marker = ChartRect(x: x - 5, y: y - 5, width: 10, height: 10)
                    #expect(!placement.box.overlaps(marker))
                }
            }
        }

        @Test func aLonelyLabelSitsLevelWithItsPoint() {
            let layout = Labels.chart(Labels.crowd).layout()
            let far = Labels.crowd.count - 2
            let box = layout.labels[far]!.box
            #expect(abs(box.midY - layout.yScale(35)) < 0.001)
            #expect(box.minX > layout.xScale(40) || box.maxX < layout.xScale(40))
        }

        @Test func highlightedModelKeepsTheSpotBesideItsPoint() {
            let twins = [ChartPoint("First", x: 50, y: 50), ChartPoint("Second", x: 50, y: 50, highlighted: true),
                         ChartPoint("Best", x: 10, y: 90), ChartPoint("Worst", x: 90, y: 10)]
            let layout = Labels.chart(twins).layout()
            let y = layout.yScale(50)
            #expect(abs(layout.labels[1]!.box.midY - y) < 0.001)
            #expect(!layout.labels[1]!.leftSide, "the highlighted label takes the preferred side")
            #expect(layout.labels[0]!.leftSide, "the other label makes way")
            #expect(!layout.labels[0]!.box.overlaps(layout.labels[1]!.box))
        }

        @Test func placerGoesLeftAtTheRightEdge() {
            var placer = LabelPlacer(bounds: ChartRect(x: 0, y: 0, width: 200, height: 100))
            let placement = placer.place(anchorX: 190, anchorY: 50, width: 60, height: 15)
            #expect(placement.leftSide)
            #expect(placement.box.maxX <= 190)
        }

        @Test func placerStacksLabelsOnOneSpot() {
            var placer = LabelPlacer(bounds: ChartRect(x: 0, y: 0, width: 400, height: 400))
            let boxes = (0..<6).map { _ in placer.place(anchorX: 100, anchorY: 200, width: 80, height: 15).box }
            for i in boxes.indices {
                for j in boxes.indices where j > i { #expect(!boxes[i].overlaps(boxes[j])) }
            }
        }
    }

    // MARK: Charts

    @Suite("Chart SVG")
    struct Output {
        static let models: [ChartPoint] = [
            ChartPoint("GPT <mini> & \"co\" 'x'", x: 0.15, y: 61.5),
            ChartPoint("Claude Haiku", x: 0.8, y: 66, highlighted: true),
            ChartPoint("Gemini Flash", x: 0.1, y: 63),
            ChartPoint("Big Model", x: 15, y: 82),
            ChartPoint("Mid Model", x: 3, y: 70),
            ChartPoint("Worse Model", x: 5, y: 60),
        ]

        static var scatter: ScatterChart {
            ScatterChart(title: "Quality vs price <2026> & \"co\"", description: "Quality against price; it's <b>log</b>",
                         xLabel: "Price ($/M tokens)", yLabel: "Overall (pts)", points: models, xBetter: .lower, yBetter: .higher)
        }

        static var bars: BarChart {
            BarChart(title: "Overall", description: "", unit: "pts", bars: [
                ChartBar("Big Model", value: 82), ChartBar("Claude Haiku", value: 66, highlighted: true),
                ChartBar("A \"quoted\" <name>", value: 41), ChartBar("Unmeasured", value: .nan),
            ], better: .higher)
        }

        static var line: LineChart {
            LineChart(title: "Rank over time", description: "", points: [
                (label: "2026-01-01", value: 3), (label: "2026-02-01", value: 1), (label: "2026-03-01", value: 2),
            ], invertY: true, yLabel: "Rank")
        }

        static var comparison: ComparisonBars {
            ComparisonBars(title: "Against the tier median", description: "", rows: [
                .init("Overall", value: 66, reference: 61.5, unit: "pts", better: .higher),
                .init("Time to first token", value: 420, reference: 380, unit: "ms", better: .lower),
                .init("Price", value: nil, reference: 0.4, unit: "$/M", better: .lower),
            ], referenceLabel: "tier median")
        }

        static var all: [(String, String)] {
            [("scatter", scatter.svg()), ("bar", bars.svg()), ("line", line.svg()), ("comparison", comparison.svg()),
             ("comparison row", comparison.render(comparison.rows[1]))]
        }

        @Test func everyChartIsWellFormedXML() throws {
            for (name, svg) in Output.all {
                let document = try #require(XMLDocumentSummary(svg), "\(name) does not parse")
                #expect(document.root == "svg", "\(name)")
                #expect(document.namespace == "http://www.w3.org/2000/svg", "\(name)")
            }
        }

        @Test func everyChartIsAccessibleAndSelfContained() throws {
            for (name, svg) in Output.all {
                let document = try #require(XMLDocumentSummary(svg))
                let root = document.rootAttributes
                #expect(root["role"] == "img", "\(name)")
                #expect(root["width"] == "100%", "\(name)")
                // The root's classes must not be ones the stylesheet gives to marks (a root "chart-line"
                // once stroked every text blue).
                let rootClasses = Set((root["class"] ?? "").split(separator: " ").map(String.init))
                #expect(rootClasses.contains("chart"), "\(name)")
                #expect(rootClasses.isDisjoint(with: ["chart-line", "chart-bar", "chart-point", "chart-frontier", "chart-highlight"]), "\(name)")
                #expect(root["viewBox"]?.hasPrefix("0 0 ") == true, "\(name)")
                let labelled = (root["aria-labelledby"] ?? "").split(separator: " ").map(String.init)
                #expect(labelled.count == 2, "\(name)")
                #expect(labelled.allSatisfy { document.ids.contains($0) }, "\(name): labelledby names missing ids")
                #expect(document.elements.first { $0 != "svg" } == "title", "\(name): <title> comes first")
                #expect(document.elements.contains("desc") && document.elements.contains("style"), "\(name)")
                #expect(!document.elements.contains("script") && !document.elements.contains("image")
                        && !document.elements.contains("use") && !document.elements.contains("a"), "\(name)")
                #expect(!document.attributeNames.contains { $0.hasSuffix("href") || $0.hasPrefix("on") }, "\(name)")
                #expect(!svg.contains("url("), "\(name)")
                #expect(!svg.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http"), "\(name)")
                #expect(document.fontSizes.allSatisfy { $0 >= 11 }, "\(name): \(document.fontSizes)")
            }
        }

        @Test func textIsEscaped() throws {
            let svg = Output.scatter.svg()
            #expect(svg.contains("<title id=\"chart-"))
            #expect(svg.contains("Quality vs price &lt;2026&gt; &amp; &quot;co&quot;</title>"))
            #expect(svg.contains("it&#39;s &lt;b&gt;log&lt;/b&gt;</desc>"))
            #expect(svg.contains("GPT &lt;mini&gt; &amp; &quot;co&quot; &#39;x&#39;"))
            #expect(!svg.contains("<mini>") && !svg.contains("<b>") && !svg.contains("<2026>"))
            let document = try #require(XMLDocumentSummary(svg))
            #expect(document.texts.contains("GPT <mini> & \"co\" 'x'"), "parses back to the original label")
            #expect(Output.bars.svg().contains("A &quot;quoted&quot; &lt;name&gt;"))
        }

        @Test func outputIsDeterministic() {
            for _ in 0..<3 {
                #expect(Output.scatter.svg() == Output.scatter.svg())
                #expect(Output.bars.svg() == Output.bars.svg())
                #expect(Output.line.svg() == Output.line.svg())
                #expect(Output.comparison.svg() == Output.comparison.svg())
            }
        }

        @Test func distinctChartsGetDistinctIds() throws {
            let a = try #require(XMLDocumentSummary(Output.bars.svg())).rootAttributes["aria-labelledby"]
            let b = try #require(XMLDocumentSummary(Output.line.svg())).rootAttributes["aria-labelledby"]
            #expect(a != b)
            let fixed = BarChart(title: "t", description: "d", unit: "", bars: [], better: .higher, id: "overall-bars").svg()
            #expect(fixed.contains("aria-labelledby=\"overall-bars-title overall-bars-desc\""))
        }

        @Test func coordinatesHaveAtMostTwoDecimals() throws {
            for (name, svg) in Output.all {
                let longDecimals = try Regex(#"\d\.\d{3,}"#)
                let attributes = try #require(XMLDocumentSummary(svg)).numericAttributeValues
                #expect(!attributes.contains { $0.contains(longDecimals) }, "\(name)")
            }
        }

        @Test func styleSupportsDarkModeAndThePalette() {
            let svg = Output.scatter.svg()
            #expect(svg.contains("@media (prefers-color-scheme:dark)"))
            for colour in ["#0072B2", "#56B4E9", "#009E73", "#D55E00", "#E69F00"] { #expect(svg.contains(colour)) }
            for name in ["chart-point", "chart-frontier", "chart-axis", "chart-grid", "chart-highlight", "chart-label"] {
                #expect(svg.contains("class=\"\(name)") || svg.contains(" \(name)\""), "\(name)")
            }
            #expect(Output.bars.svg().contains("class=\"chart-bar chart-highlight\""))
            #expect(!ChartStyle.css.contains("<") && !ChartStyle.css.contains("&"))
        }

        @Test func scatterUsesLogWhereTheRuleSays() {
            let layout = Output.scatter.layout()
            #expect(layout.xIsLog, "prices span 150×")
            #expect(!layout.yIsLog)
            #expect(layout.xScale.domain == 0.1...20)
            let forcedLinear = ScatterChart(title: "t", description: "", xLabel: "x", yLabel: "y", points: Output.models,
                                            xBetter: .lower, yBetter: .higher, xLog: false).layout()
            #expect(!forcedLinear.xIsLog)
            let impossibleLog = ScatterChart(title: "t", description: "", xLabel: "x", yLabel: "y",
                                             points: [ChartPoint("a", x: 0, y: 1), ChartPoint("b", x: 100, y: 2)],
                                             xBetter: .lower, yBetter: .higher, xLog: true).layout()
            #expect(!impossibleLog.xIsLog, "a zero cannot go on a log axis")
            #expect(Output.scatter.svg().contains("log scale, lower is better"))
        }

        @Test func scatterDrawsFrontierAndMarksTheHighlightedModel() throws {
            let chart = Output.scatter
            let layout = chart.layout()
            #expect(layout.frontier.map { chart.points[$0].label } == ["Gemini Flash", "Claude Haiku", "Mid Model", "Big Model"])
            let svg = chart.svg()
            #expect(svg.components(separatedBy: "<path class=\"chart-frontier\"").count - 1 == 2, "the line and its key")
            #expect(svg.contains("class=\"chart-point chart-frontier chart-highlight\""), "Claude Haiku: on the frontier and highlighted")
            #expect(svg.contains("font-weight=\"bold\">Claude Haiku</text>"))
            let labels = try #require(XMLDocumentSummary(svg)).texts
            for point in chart.points { #expect(labels.contains(point.label)) }
            #expect(svg.contains("Pareto frontier"))
        }

        @Test func scatterWithoutPointsSaysSo() throws {
            let svg = ScatterChart(title: "Empty", description: "", xLabel: "x", yLabel: "y", points: [],
                                   xBetter: .lower, yBetter: .higher).svg()
            #expect(try #require(XMLDocumentSummary(svg)).texts.contains("No data"))
        }

        @Test func barsAreProportionalAndInOrder() throws {
            let chart = Output.bars
            let layout = chart.layout()
            #expect(layout.scale.domain == 0...100)
            let widths = try #require(XMLDocumentSummary(chart.svg())).rectWidths(class: "chart-bar")
            #expect(widths.count == 3, "no bar for a missing value")
            #expect(abs(widths[0] / widths[2] - 82.0 / 41.0) < 0.01)
            let texts = try #require(XMLDocumentSummary(chart.svg())).texts
            let order = ["Big Model", "Claude Haiku", "A \"quoted\" <name>", "Unmeasured"].map { texts.firstIndex(of: $0) ?? -1 }
            #expect(order == order.sorted() && !order.contains(-1))
            #expect(texts.contains("82 pts") && texts.contains("—"))
        }

        @Test func longBarLabelsAreShortened() {
            let chart = BarChart(title: "t", description: "", unit: "", bars: [
                ChartBar(String(repeating: "Very long model name ", count: 8), value: 1),
            ], better: .higher)
            let label = chart.layout().labels[0]
            #expect(label.hasSuffix("…"))
            #expect(TextMetrics.width(label, fontSize: ChartStyle.fontSize) <= chart.width * 0.38)
        }

        @Test func rankLineHasRankOneAtTheTop() {
            let layout = Output.line.layout()
            let y = (0..<3).map { layout.centres[$0]!.y }
            #expect(y[1] < y[2] && y[2] < y[0], "rank 1 highest, rank 3 lowest")
            #expect(layout.ticks == [1, 2, 3], "whole ranks only")
            #expect(layout.scale.domain.lowerBound == 1)
            let score = LineChart(title: "Score", description: "", points: [(label: "a", value: 60), (label: "b", value: 70)],
                                  invertY: false).layout()
            #expect(score.centres[1]!.y < score.centres[0]!.y, "a higher score is drawn higher")
            #expect(score.centres[0]!.x < score.centres[1]!.x)
        }

        @Test func lineChartThinsCrowdedLabels() {
            let points = (1...24).map { (label: "2026-\($0 < 10 ? "0" : "")\($0)-01", value: Double($0 % 7) * 3.3) }
            let layout = LineChart(title: "t", description: "", points: points, invertY: false).layout()
            #expect(layout.xLabelled.first == 0 && layout.xLabelled.last == 23)
            #expect(layout.xLabelled.count < 24)
            let xs = layout.xLabelled.map { layout.xs[$0] }
            let width = TextMetrics.width("2026-01-01", fontSize: ChartStyle.fontSize)
            #expect(zip(xs, xs.dropFirst()).allSatisfy { $1 - $0 >= width }, "x labels do not touch")
            #expect(layout.valueLabelled.count < 24)
        }

        @Test func singlePointLine() throws {
            let chart = LineChart(title: "t", description: "", points: [(label: "2026-05-01", value: 4)], invertY: true)
            let layout = chart.layout()
            #expect(layout.centres[0]!.x == layout.plot.midX)
            #expect(try #require(XMLDocumentSummary(chart.svg())).texts.contains("2026-05-01"))
        }

        @Test func medianOfOddAndEvenCounts() {
            #expect(ComparisonBars.median([3, 1, 2]) == 2)
            #expect(ComparisonBars.median([4, 1, 3, 2]) == 2.5)
            #expect(ComparisonBars.median([7]) == 7)
            #expect(ComparisonBars.median([]) == nil)
            #expect(ComparisonBars.median([.nan, 5, 1]) == 3, "non-finite values are ignored")
        }

        @Test func comparisonMarksTheMedianAndSaysWhichSideIsBetter() throws {
            let chart = Output.comparison
            let row = chart.rows[0]
            let scale = chart.scale(row)
            let document = try #require(XMLDocumentSummary(chart.render(row)))
            let median = try #require(document.lines(class: "chart-median").first)
            #expect(abs(median - scale(61.5)) < 0.01)
            #expect(chart.sentence(chart.rows[0]) == "Overall: 66 pts, better than the tier median of 61.5 pts (higher is better).")
            #expect(chart.sentence(chart.rows[1]) == "Time to first token: 420 ms, worse than the tier median of 380 ms (lower is better).")
            #expect(chart.sentence(chart.rows[2]) == "Price: not measured.")
            let full = try #require(XMLDocumentSummary(chart.svg()))
            #expect(full.rectWidths(class: "chart-bar").count == 3, "two bars and the key")
            #expect(full.texts.contains("66 pts · tier median 61.5 pts"))
            #expect(full.texts.contains("not measured"))
        }
    }
}

/// What the tests need from a parsed SVG, collected with Foundation's XMLParser.
private final class XMLDocumentSummary: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var rootAttributes: [String: String] = [:]
    var namespace: String?
    var ids: Set<String> = []
    var attributeNames: Set<String> = []
    var numericAttributeValues: [String] = []
    var fontSizes: [Double] = []
    var texts: [String] = []
    private var byClass: [(name: String, className: String, attributes: [String: String])] = []
    private var openText = ""
    private var inText = 0

    var root: String? { elements.first }

    init?(_ svg: String) {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        guard parser.parse() else { return nil }
    }

    func rectWidths(class name: String) -> [Double] {
        byClass.filter { $0.name == "rect" && $0.className.split(separator: " ").contains(Substring(name)) }
            .compactMap { $0.attributes["width"].flatMap(Double.init) }
    }

    /// x positions of the vertical lines of a class.
    func lines(class name: String) -> [Double] {
        byClass.filter { $0.name == "line" && $0.className == name }.compactMap { $0.attributes["x1"].flatMap(Double.init) }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if elements.isEmpty {
            rootAttributes = attributes
            namespace = attributes["xmlns"]
        }
        elements.append(name)
        for (key, value) in attributes {
            attributeNames.insert(key)
            if key == "id" { ids.insert(value) }
            if key == "font-size", let size = Double(value) { fontSizes.append(size) }
            if ["x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "width", "height", "d", "transform"].contains(key) {
                numericAttributeValues.append(value)
            }
        }
        if let className = attributes["class"] { byClass.append((name, className, attributes)) }
        if name == "text" {
            inText += 1
            openText = ""
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText > 0 { openText += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text" {
            inText -= 1
            texts.append(openText)
        }
    }
}
