@testable import App
import Foundation
import Testing
import Vapor
import VaporTesting

/// WCAG 2.1 AA basics on every page (issue 13): a language, one `h1`, headings in order, every
/// control with a label, every chart with a text alternative, tables with headers, and text
/// colours of the stylesheet with a contrast of at least 4.5:1 on their backgrounds.
struct AccessibilityTests {
    typealias Web = OrganisationTests

    /// One tag of a page: its name, whether it closes, and its attributes.
    struct Tag {
        let name: String
        let isClosing: Bool
        let attributes: [String: String]
    }

    /// The tags of a page in order (the renderer writes every attribute as `name="value"`).
    static func tags(_ html: String) -> [Tag] {
        let tag = #/<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+="[^"]*")*)\s*/?>/#
        let attribute = #/([a-zA-Z-]+)="([^"]*)"/#
        return html.matches(of: tag).map { match in
            var attributes: [String: String] = [:]
            for pair in String(match.3).matches(of: attribute) { attributes[String(pair.1)] = String(pair.2) }
            return Tag(name: String(match.2).lowercased(), isClosing: !match.1.isEmpty, attributes: attributes)
        }
    }

    /// What is wrong with a page, in words.
    static func problems(of html: String) -> [String] {
        var problems: [String] = []
        let tags = Self.tags(html)
        if tags.first(where: { $0.name == "html" })?.attributes["lang"]?.isEmpty != false { problems.append("no lang on <html>") }
        let headings = tags.filter { !$0.isClosing && $0.name.count == 2 && $0.name.first == "h" && $0.name.last!.isNumber }.map { Int(String($0.name.last!))! }
        if headings.filter({ $0 == 1 }).count != 1 { problems.append("\(headings.filter { $0 == 1 }.count) h1 elements") }
        for (previous, next) in zip(headings, headings.dropFirst()) where next > previous + 1 {
            problems.append("heading h\(previous) followed by h\(next)")
        }
        var labelled = Set<String>(), insideLabel = 0, tableHasHeader: [Bool] = []
        var controls: [(id: String?, named: Bool, inLabel: Bool, what: String)] = []
        for tag in tags {
            switch (tag.name, tag.isClosing) {
            case ("label", false):
                insideLabel += 1
                if let target = tag.attributes["for"] { labelled.insert(target) }
            case ("label", true): insideLabel -= 1
            case ("input", false) where !["hidden", "submit", "button"].contains(tag.attributes["type"] ?? "text"),
                 ("select", false), ("textarea", false):
                let named = tag.attributes["aria-label"] != nil || tag.attributes["aria-labelledby"] != nil
                controls.append((tag.attributes["id"], named, insideLabel > 0, "<\(tag.name) name=\(tag.attributes["name"] ?? "?")>"))
            case ("svg", false):
                if tag.attributes["role"] != "img" || (tag.attributes["aria-labelledby"] ?? tag.attributes["aria-label"]) == nil {
                    problems.append("an <svg> without role=img and a text alternative")
                }
            case ("img", false) where tag.attributes["alt"] == nil: problems.append("an <img> without alt")
            case ("table", false): tableHasHeader.append(false)
            case ("th", false): if !tableHasHeader.isEmpty { tableHasHeader[tableHasHeader.count - 1] = true }
            case ("table", true): if tableHasHeader.popLast() == false { problems.append("a table without header cells") }
            default: break
            }
        }
        for control in controls where !control.named && !control.inLabel && !(control.id.map(labelled.contains) ?? false) {
            problems.append("\(control.what) without a label")
        }
        return problems
    }

    @Test func everyPagePassesTheBasics() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(SectorsPageTests.register))
            let admin = try await app.session(as: .admin)
            let records = try await HostileInputTests.hostileRecords(in: app, admin: admin)
            var checked = 0
            let extra = ["/relaties/acquisitie?weergave=bord", "/economie/vestigingen?jaar=2020", "/relaties/taken"]
            for path in HostileInputTests.pages(of: app, records: records) + extra where !path.hasPrefix("/api/") {
                let response = try await Web.get(path, as: admin, in: app)
                guard response.headers.contentType == .html else { continue }
                let problems = Self.problems(of: response.body.string)
                #expect(problems.isEmpty, "\(path): \(problems.joined(separator: "; "))")
                checked += 1
            }
            try await app.testing().test(.GET, "/login") { response in
                #expect(Self.problems(of: response.body.string).isEmpty, "login: \(Self.problems(of: response.body.string))")
            }
            #expect(checked > 30, "pages checked: \(checked)")
        }
    }

    @Test func theCheckFindsWhatItLooksFor() {
        let bad = #"<html><body><h1>A</h1><h3>B</h3><h1>C</h1><input type="text" id="x"><svg viewBox="0 0 1 1"></svg><table><tr><td>1</td></tr></table></body></html>"#
        let problems = Self.problems(of: bad)
        #expect(problems.contains("no lang on <html>") && problems.contains("2 h1 elements") && problems.contains("heading h1 followed by h3"))
        #expect(problems.contains("<input name=?> without a label") && problems.contains("a table without header cells"))
        #expect(problems.contains("an <svg> without role=img and a text alternative"))
        let good = #"<html lang="nl"><h1>A</h1><h2>B</h2><label for="x">X</label><input type="text" id="x"><label><input type="checkbox"> Y</label><table><tr><th>T</th></tr></table></html>"#
        #expect(Self.problems(of: good).isEmpty)
    }

    // MARK: Contrast

    /// WCAG relative luminance of `#rrggbb`.
    static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16)!
        let channel = { (shift: Int) -> Double in
            let c = Double((value >> shift) & 0xFF) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
    }

    static func contrast(_ first: String, _ second: String) -> Double {
        let (a, b) = (luminance(first), luminance(second))
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    @Test func textColoursOfTheStylesheetHaveContrast() {
        let css = Stylesheet.css
        var variables: [String: String] = [:]
        for match in css.matches(of: #/--([a-z]+):\s*(#[0-9a-fA-F]{6})/#) { variables[String(match.1)] = String(match.2) }
        let colour = { (text: Substring) -> String? in
            let value = text.trimmingCharacters(in: .whitespaces)
            if value == "#fff" { return "#ffffff" }
            if value.hasPrefix("#"), value.count == 7 { return value }
            if let name = value.firstMatch(of: #/var\(--([a-z]+)\)/#)?.1 { return variables[String(name)] }
            return nil
        }
        let (ink, paper, soft) = (variables["ink"]!, variables["paper"]!, variables["soft"]!)
        var checked = 0
        for rule in css.matches(of: #/([^{}]+)\{([^{}]*)\}/#) {
            let selector = rule.1.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !selector.hasPrefix("svg"), !selector.contains("@") else { continue }
            var declarations: [String: Substring] = [:]
            for declaration in rule.2.split(separator: ";") {
                let parts = declaration.split(separator: ":", maxSplits: 1)
                if parts.count == 2 { declarations[parts[0].trimmingCharacters(in: .whitespaces)] = parts[1] }
            }
            let text = declarations["color"].flatMap(colour)
            let background = (declarations["background"] ?? declarations["background-color"]).flatMap(colour)
            guard text != nil || background != nil else { continue }
            for back in background.map({ [$0] }) ?? [paper, soft] {
                let fore = text ?? ink
                let ratio = Self.contrast(fore, back)
                #expect(ratio >= 4.5, "\(selector): \(fore) on \(back) has contrast \(String(format: "%.2f", ratio))")
                checked += 1
            }
        }
        #expect(checked > 10, "colour pairs checked: \(checked)")
        #expect(abs(Self.contrast("#777777", "#ffffff") - 4.48) < 0.01, "the formula, against a known pair")
    }
}
