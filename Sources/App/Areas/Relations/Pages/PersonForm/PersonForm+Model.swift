import Foundation

/// The form for a new person or for changing one.
enum PersonForm {
    struct Model: Sendable {
        let id: UUID?
        let input: PersonInput
        let problems: [FieldProblem]
    }
}
