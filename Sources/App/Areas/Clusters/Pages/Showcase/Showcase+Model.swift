import Analysis
import Fluent
import Foundation
import Vapor

/// The public showcase of one growth cluster (no login): its headline figures for the home
/// municipality and the organisations that consented to be shown, optionally only those in a place
/// (the Spoorzone).
enum Showcase {
    struct Model: Sendable, Equatable {
        let key: String
        let name: String
        let areaName: String
        let figures: ClusterFigures
        let involved: Int
        /// The growth clusters, for links between their showcases.
        let clusters: [Named.Keyed]
        let places: [Named.Keyed]
        let place: Named.Keyed?
        let entries: [ShowcaseService.Entry]
        let isDemo: Bool
    }

    static func query(key: String, place placeKey: String?, area: String, region: AppConfig.Region, panel: RegisterPanel,
                      cache: ViewCache, generation: String, on database: Database) async throws -> Model {
        // One answer for every key without a showcase: unknown, supporting or archived.
        guard let cluster = try await ClusterService.all(on: database).first(where: { $0.key == key.lowercased() && $0.isGrowthCluster }) else {
            throw Abort(.notFound, reason: localized("Deze etalage bestaat niet.", "This showcase does not exist."))
        }
        let places = try await Place.query(on: database).sort(\.$name).all()
        var place: Place?
        if let placeKey, !placeKey.isEmpty {
            guard let found = places.first(where: { $0.key == placeKey.lowercased() }) else {
                let shown = String(placeKey.filter { !$0.isASCII || ($0.isLetter || $0.isNumber || $0 == "-") }.prefix(40))
                throw Abort(.badRequest, reason: localized("De plek '\(shown)' bestaat niet; kies \(places.map(\.key).joined(separator: ", ")).",
                                                           "The place '\(shown)' does not exist; pick \(places.map(\.key).joined(separator: ", "))."))
            }
            place = found
        }
        let (code, areaName, municipalities) = try MonitorSelection.area(area, region: region)
        let scope = Area(municipalities: Set(municipalities))
        let years = panel.years(in: scope)
        guard let to = years.last else { throw Abort(.notFound, reason: localized("Er zijn nog geen registergegevens.", "There is no register data yet.")) }
        let from = years.first { $0 >= to - 10 } ?? to
        let id = try cluster.requireID()
        let register = try await ClusterRegister.load(area: code, municipalities: municipalities, from: from, to: to, panel: panel,
                                                      cache: cache, generation: generation, on: database)
        guard let figures = register.figures[id] else { throw Abort(.notFound, reason: localized("Deze etalage bestaat niet.", "This showcase does not exist.")) }
        let organisations = try await ClusterNetwork.Sources.load(today: .today, on: database)
            .organisations(in: id, enterprises: Set(figures.jobsByEnterprise.keys.map(RegisterPanel.kvkNumber)))
        let rule = try await EngagementService.Rule.current(on: database)
        let involved = try await EngagementService(database: database, actor: .system).involvement(in: [id], today: .today, rule: rule)[id]?.count ?? 0
        return Model(key: cluster.key, name: cluster.name, areaName: areaName, figures: figures, involved: involved,
                     clusters: try await ClusterService.all(on: database).filter(\.isGrowthCluster).map { Named.Keyed(key: $0.key, name: $0.name) },
                     places: places.map { Named.Keyed(key: $0.key, name: $0.name) }, place: place.map { Named.Keyed(key: $0.key, name: $0.name) },
                     entries: try await ShowcaseService(database: database, actor: .system).entries(among: organisations, in: place),
                     isDemo: try await Setting.isDemo(on: database))
    }
}
