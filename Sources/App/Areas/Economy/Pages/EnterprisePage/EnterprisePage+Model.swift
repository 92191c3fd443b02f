import Analysis
import Fluent
import Foundation
import Vapor

/// Economie > one enterprise of the register (all establishments with one KvK number): its jobs
/// and establishments over the years, its establishments in the latest year, whether it is a fast
/// grower, and its organisation in Relaties when there is one.
enum EnterprisePage {
    struct Model: Sendable, Equatable {
        let kvk: String
        let name: String
        let sbi: String
        let sbiLabel: Bilingual?
        let founded: Int?
        let history: [Enterprise.Year]
        /// The establishments in the latest year the enterprise is in the register.
        let establishments: [Enterprise.Establishment]
        let growth: Enterprise.Growth?
        let organisation: UUID?
        let mayEdit: Bool
        let isDemo: Bool

        var latestYear: Int { history.last?.year ?? 0 }
        var title: String { "\(name) (KvK \(kvk))" }
    }

    static func query(kvk: String, mayEdit: Bool, on database: Database) async throws -> Model {
        guard kvk.count == 8, kvk.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw Abort(.badRequest, reason: localized("'\(kvk.prefix(20))' is geen KvK-nummer; dat heeft acht cijfers.", "'\(kvk.prefix(20))' is not a KvK number; it has eight digits."))
        }
        let records = try await RegisterStore(database).records(kvk: kvk, establishments: []).filter { $0.kvkNumber == kvk }
        guard let last = records.map(\.year).max(), let main = RegisterRecord.main(of: records.filter { $0.year == last }) else {
            throw Abort(.notFound, reason: localized("Het register heeft geen onderneming met KvK-nummer \(kvk).", "The register has no enterprise with KvK number \(kvk)."))
        }
        let reference = try ReferenceData.shared.get()
        let names = reference.municipalityNames
        let history = Enterprise.history(records)
        let latest = Enterprise.latestEstablishments(records, names: names)
        let organisations = try await OrganisationService.organisations(kvk: [kvk], establishments: latest.map(\.number), on: database)
        let growth = Enterprise.highGrowth(records, kvk: kvk)
        return Model(kvk: kvk, name: main.name, sbi: main.sbi,
                     sbiLabel: reference.sbiCodes.first { $0.code == main.sbi }.map { Bilingual(dutch: $0.labelNL, english: $0.labelEN) },
                     founded: records.compactMap(\.foundedYear).min(), history: history, establishments: latest, growth: growth,
                     organisation: organisations.byKvK[kvk] ?? latest.lazy.compactMap { organisations.byEstablishment[$0.number] }.first,
                     mayEdit: mayEdit, isDemo: try await Setting.isDemo(on: database))
    }
}
