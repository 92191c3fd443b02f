import Vapor

/// The pickers' search while typing: `?bron=organisaties&q=vries` → `[{"id", "label"}]`.
struct PickerController {
    func search(_ request: Request) async throws -> [Picker.Option] {
        let source = try request.choice("bron", as: Picker.Source.self) ?? .organisations
        let text = request.queryText("q") ?? ""
        return try await PickerService(database: request.db).find(source, matching: text)
    }
}
