@testable import App
import Foundation
import Testing

/// The layout of the code (issue 12): areas as folders, and every page a model apart from its view.
struct StructureTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources/App").standardized

    /// The Swift files under a folder of Sources/App, by their path from there.
    static func files(under folder: String) -> [(path: String, text: String)] {
        let root = sources.appendingPathComponent(folder)
        let urls = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return urls.filter { $0.pathExtension == "swift" }.compactMap { url in
            (try? String(contentsOf: url, encoding: .utf8)).map { (String(url.standardized.path.dropFirst(sources.path.count + 1)), $0) }
        }.sorted { $0.path < $1.path }
    }

    static func imports(_ text: String) -> Set<String> {
        Set(text.split(separator: "\n").filter { $0.hasPrefix("import ") }.map { String($0.dropFirst(7)) })
    }

    /// A page is `Pages/<Page>/<Page>+Model.swift` (its query and model: no markup) and
    /// `<Page>+View.swift` (markup only: no Vapor, Fluent or SQL).
    @Test func everyPageHasItsModelApartFromItsView() {
        let pages = Self.files(under: "Areas").filter { $0.path.contains("/Pages/") }
        #expect(pages.count >= 50)
        var problems: [String] = []
        for (path, text) in pages {
            let name = URL(fileURLWithPath: path).lastPathComponent, folder = URL(fileURLWithPath: path).deletingLastPathComponent().lastPathComponent
            let imports = Self.imports(text)
            if name == "\(folder)+View.swift" {
                if !imports.isDisjoint(with: ["Vapor", "Fluent", "SQLKit", "FluentKit"]) { problems.append("\(path) imports \(imports.sorted())") }
            } else if name == "\(folder)+Model.swift" {
                if imports.contains("Markup") { problems.append("\(path) imports Markup") }
            } else {
                problems.append("\(path) is neither \(folder)+Model.swift nor \(folder)+View.swift")
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    /// An area is `<Area>Area.swift` and (those it needs of) the folders Models, Services, Pages,
    /// Controllers and API.
    @Test func everyAreaHasTheSameFolders() throws {
        let areas = try FileManager.default.contentsOfDirectory(atPath: Self.sources.appendingPathComponent("Areas").path)
        #expect(areas.count >= 3)
        for area in areas {
            let entries = try FileManager.default.contentsOfDirectory(atPath: Self.sources.appendingPathComponent("Areas/\(area)").path)
            let unexpected = Set(entries).subtracting(["\(area)Area.swift", "Models", "Services", "Pages", "Controllers", "API"])
            #expect(unexpected.isEmpty, "Areas/\(area) has \(unexpected.sorted())")
            #expect(entries.contains("\(area)Area.swift"))
        }
    }

    /// Each area registers its own routes; `routes.swift` only calls them.
    @Test func routesOnlyCallTheAreas() throws {
        let routes = try #require(Self.files(under: ".").first { $0.path == "routes.swift" }).text
        let areas = Self.files(under: "Areas").filter { $0.path.hasSuffix("Area.swift") }.map { URL(fileURLWithPath: $0.path).deletingPathExtension().lastPathComponent }
        #expect(areas.count >= 3)
        for area in areas { #expect(routes.contains("\(area).register(on:"), "\(area) is registered") }
        let controllers = routes.split(separator: " ").filter { $0.contains("Controller(") }
        // Only the shared ones: the health check, the metrics and the API's document.
        let shared = ["HealthController(", "MetricsController(", "OpenAPIController("]
        #expect(controllers.allSatisfy { controller in shared.contains { controller.hasPrefix($0) } }, "no area's controller is made in routes.swift: \(controllers)")
    }
}
