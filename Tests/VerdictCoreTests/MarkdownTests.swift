import Testing
import VerdictMarkdown

@Suite("Markdown bridge (cmark)")
struct MarkdownTests {
    @Test func blocksCarrySourceLinesWithOffset() {
        let document = MarkdownDocument.parse("# Title\n\nText\n", firstLine: 10)
        #expect(document.blocks.map(\.line) == [10, 12])
        #expect(document.blocks.first?.kind == .heading(level: 1))
        #expect(document.blocks.first?.text == "Title")
    }

    @Test func safeModeOmitsRawHTMLUnlessUnsafe() {
        let text = "Hi <script>x()</script>\n"
        #expect(!MarkdownDocument.parse(text).blocks[0].html.contains("<script>"))
        #expect(MarkdownDocument.parse(text, options: .init(unsafeHTML: true)).blocks[0].html.contains("<script>"))
    }

    @Test func linksAreRewrittenAndRecorded() {
        let options = MarkdownOptions(rewriteURL: { $0.hasPrefix("/") ? "/desk" + $0 : $0 })
        let document = MarkdownDocument.parse("Intro\n\nSee [a](/models/a/) and ![pic](/p.png).\n", options: options)
        #expect(document.blocks[1].html.contains("href=\"/desk/models/a/\""))
        #expect(document.blocks[1].html.contains("src=\"/desk/p.png\""))
        #expect(document.links.map(\.destination) == ["/models/a/", "/p.png"])
        #expect(document.links.map(\.line) == [3, 3])
        #expect(document.links.last?.isImage == true)
        #expect(document.links.last?.text == "pic")
    }

    @Test func leadInIsRemovedFromTheBody() throws {
        let options = MarkdownOptions(leadInLength: { text in text.hasPrefix(" (a). ") ? 6 : 0 })
        let block = MarkdownDocument.parse("**Title** (a). Body *here*.\n", options: options).blocks[0]
        let lead = try #require(block.lead)
        #expect(lead.strong == "Title")
        #expect(lead.following == " (a). Body ")
        #expect(lead.bodyHTML == "Body <em>here</em>.")
        #expect(block.html.contains("<strong>Title</strong>"))
    }

    @Test func listItemsExposeTheirLeads() {
        let block = MarkdownDocument.parse("- **One** first\n- plain\n").blocks[0]
        #expect(block.kind == .list(ordered: false))
        #expect(block.items.count == 2)
        #expect(block.items[0].lead?.strong == "One")
        #expect(block.items[1].lead == nil)
        #expect(block.items[1].html.contains("<li>plain</li>"))
    }

    @Test func deepNestingDoesNotCrash() {
        let quotes = String(repeating: ">", count: 5_000) + " deep\n"
        let lists = (0..<2_000).map { String(repeating: "  ", count: $0) + "- x" }.joined(separator: "\n")
        #expect(!MarkdownDocument.parse(quotes).blocks.isEmpty)
        #expect(!MarkdownDocument.parse(lists).blocks.isEmpty)
    }
}
