import Fluent
import Foundation

/// One consent given or withdrawn; the latest per purpose is the one that holds, the rest is its history.
final class PersonConsent: Model, @unchecked Sendable {
    static let schema = "person_consents"

    enum Purpose: String, Codable, CaseIterable, Sendable {
        case newsletter, showcase

        var label: String {
            switch self {
            case .newsletter: localized("Nieuwsbrief", "Newsletter")
            case .showcase: localized("Etalage (openbaar getoond als clusterlid)", "Showcase (shown publicly as a cluster member)")
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "person_id") var person: Person
    @Field(key: "purpose") var purpose: Purpose
    @Field(key: "given") var given: Bool
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}

    init(person: UUID, purpose: Purpose, given: Bool, at date: Date) {
        self.$person.id = person
        self.purpose = purpose
        self.given = given
        self.recordedAt = date
    }
}
