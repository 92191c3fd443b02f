import Foundation

/// The form for a new organisation or for changing one, with the reasons a sent form was refused.
enum OrganisationForm {
    struct Model: Sendable {
        /// nil for a new organisation.
        let id: UUID?
        let input: OrganisationInput
        let problems: [FieldProblem]
        let managers: [(id: UUID, name: String)]
        let municipalities: [(code: String, name: String)]
    }
}
