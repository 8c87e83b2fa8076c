import Testing
import VerdictTemplates

@Suite struct TemplateValueTests {
    @Test func literalsBuildTheTypedTree() {
        let value: TemplateValue = ["name": "x", "count": 3, "ok": true, "items": [1, 2], "none": nil]
        guard case .object(let object) = value else {
            Issue.record("a dictionary literal should build an object")
            return
        }
        #expect(object["name"] == .text("x"))
        #expect(object["count"] == .number(3, text: "3"))
        #expect(object["none"] == .null)
    }
}
