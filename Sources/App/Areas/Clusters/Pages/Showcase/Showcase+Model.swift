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

    static func query(key: String, place placeKey: String?, area: String, region: AppConfig.Region, panel: RegisterPanel, on database: Database) async throws -> Model {
        let cluster = try await ClusterService.find(key: key, on: database)
        guard cluster.isGrowthCluster, cluster.archivedOn == nil else {
            throw Abort(.notFound, reason: localized("Er is een etalage voor elk groeicluster; '\(cluster.key)' is er geen.", "There is a showcase for every growth cluster; '\(cluster.key)' is not one."))
        }
        let places = try await Place.query(on: database).sort(\.$name).all()
        var place: Place?
        if let placeKey, !placeKey.isEmpty {
            guard let found = places.first(where: { $0.key == placeKey.lowercased() }) else {
                throw Abort(.badRequest, reason: localized("De plek '\(placeKey.prefix(40))' bestaat niet; kies \(places.map(\.key).joined(separator: ", ")).",
                                                           "The place '\(placeKey.prefix(40))' does not exist; pick \(places.map(\.key).joined(separator: ", "))."))
            }
            place = found
        }
        let (_, areaName, municipalities) = try MonitorSelection.area(area, region: region)
        let scope = Area(municipalities: Set(municipalities))
        let years = panel.years(in: scope)
        guard let to = years.last else { throw Abort(.notFound, reason: localized("Er zijn nog geen registergegevens.", "There is no register data yet.")) }
        let from = years.first { $0 >= to - 10 } ?? to
        let id = try cluster.requireID()
        let service = ClusterService(database: database, actor: .system)
        let definition = try await service.definitions([cluster])[id]!
        let figures = ClusterFigures.compute(definition, panel: panel, area: scope, from: from, to: to, nationalDivisions: [:])
        let organisations = try await service.organisations(in: id, enterprises: Set(figures.jobsByEnterprise.keys.map(RegisterPanel.kvkNumber)))
        let rule = try await EngagementService.Rule.current(on: database)
        let involved = try await EngagementService(database: database, actor: .system).involvement(in: [id], today: .today, rule: rule)[id]?.count ?? 0
        return Model(key: cluster.key, name: cluster.name, areaName: areaName, figures: figures, involved: involved,
                     clusters: try await ClusterService.all(on: database).filter(\.isGrowthCluster).map { Named.Keyed(key: $0.key, name: $0.name) },
                     places: places.map { Named.Keyed(key: $0.key, name: $0.name) }, place: place.map { Named.Keyed(key: $0.key, name: $0.name) },
                     entries: try await ShowcaseService(database: database, actor: .system).entries(among: organisations, in: place),
                     isDemo: try await Setting.isDemo(on: database))
    }
}
