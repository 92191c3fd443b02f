import Foundation
import Markup
import Testing

@Suite struct NodeTests {
    static let hostile = #""'><x-inj a="1">&amp;"#

    @Test func textIsEscaped() {
        let html = Node.p(.text(Self.hostile)).render()
        #expect(html == #"<p>"'&gt;&lt;x-inj a="1"&gt;&amp;amp;</p>"#)
    }

    @Test func everyAttributeValueIsEscaped() {
        let node = Node.input(.type(.text), .name("q"), .value(Self.hostile), .title(Self.hostile), .class(Self.hostile), .id(Self.hostile),
                              .attribute(named: "data-x", value: Self.hostile))
        let html = node.render()
        #expect(!html.contains("<x-inj"))
        #expect(html.components(separatedBy: "\"").count == 15, "only the quotes that delimit seven attribute values: \(html)")
        #expect(html.contains(#"value="&quot;&#39;&gt;&lt;x-inj a=&quot;1&quot;&gt;&amp;amp;""#))
    }

    @Test func stringLiteralsAndInterpolationsAreText() {
        let name = "<b>"
        #expect(Node.td("\(name)").render() == "<td>&lt;b&gt;</td>")
    }

    @Test(arguments: ["javascript:alert(1)", " JavaScript:alert(1)", "\tjavascript:x", "data:text/html,<x>", "vbscript:x"])
    func linksCannotRunScript(_ url: String) {
        #expect(Node.a(.href(url), "x").render() == ##"<a href="#">x</a>"##)
    }

    @Test(arguments: ["/relaties?q=a:b", "https://example.org/a", "mailto:a@b.nl", "#inhoud", "?pagina=2", "relaties/1"])
    func ordinaryLinksAreKept(_ url: String) {
        #expect(Node.a(.href(url), "x").render() == "<a href=\"\(url.htmlEscaped)\">x</a>")
    }

    @Test func laterAttributeReplacesEarlierAndNilLeavesItOut() {
        #expect(Node.div(.class("a"), .class("b"), .attribute(named: "title", value: nil), "x").render() == #"<div class="b">x</div>"#)
        #expect(Node.input(.flag("checked", false), .flag("required")).render() == #"<input required="required">"#)
    }

    @Test func attributesInGroupsBelongToTheElement() {
        #expect(Node.form(.group(.method(.post), .action("/x")), .button("Go")).render() == #"<form method="post" action="/x"><button>Go</button></form>"#)
    }

    @Test func documentHasDoctypeAndLanguage() {
        let page = Node.document(language: "nl", head: .head(.pageTitle("A & B")), body: .body(.h1("t")))
        #expect(page == #"<!DOCTYPE html><html lang="nl"><head><title>A &amp; B</title></head><body><h1>t</h1></body></html>"#)
    }
}
