import Foundation
import Testing
import VerdictTemplates

@Suite struct TemplateJSONTests {
    func value(_ json: String) throws -> TemplateValue { try TemplateValue(json: Data(json.utf8)) }

    @Test func numbersKeepTheTextTheyWereWrittenWith() throws {
        let library = try TemplateLibrary(templates: ["t": "{{a}} {{b}} {{c}} {{d}} {{e}}"])
        let data = try value(#"{"a": 85, "b": 1.21, "c": -0.5e3, "d": 1.0, "e": 100000000000000000000}"#)
        #expect(try library.render("t", data) == "85 1.21 -0.5e3 1.0 100000000000000000000")
        #expect(try value("1.21") == .number(1.21, text: "1.21"))
    }

    @Test func topLevelScalarsAreValues() throws {
        #expect(try value(#""text""#) == .text("text"))
        #expect(try value(" true ") == .bool(true))
        #expect(try value("null") == .null)
        #expect(try value("[]") == .list([]))
    }

    @Test func stringsDecodeEscapesAndSurrogatePairs() throws {
        #expect(try value(#""a\"b\\c\/d\n\u00e9\ud83d\ude00""#) == .text("a\"b\\c/d\né😀"))
    }

    @Test func objectsKeepTheirKeys() throws {
        let parsed = try value(#"{"b": {"c": [1, "x"]}, "a": false}"#)
        #expect(parsed == ["b": ["c": [1, "x"]], "a": false])
    }

    @Test func malformedJSONSaysWhere() {
        #expect(throws: TemplateJSONError(line: 2, column: 4, message: "expected , or } in an object")) {
            try value("{\"a\":\n 1 2}")
        }
        #expect(throws: TemplateJSONError.self) { try value("01") }
        #expect(throws: TemplateJSONError.self) { try value("[1,]") }
        #expect(throws: TemplateJSONError.self) { try value("\"open") }
        #expect(throws: TemplateJSONError.self) { try value(String(repeating: "[", count: 600)) }
    }
}
