import Analysis
import Fluent
import Foundation
import SQLKit

/// The watchlist: enterprises that matter most to the city's economy — its high-growth
/// enterprises and its 100 largest employers in the latest register year — that no account
/// manager has met for a while (no contact moment in the last `months` months), including those
/// that are not in the relations register at all yet.
struct Watchlist {
    let database: Database

    struct Entry: Sendable, Equatable {
        let kvk: String
        /// The organisation in the relations register with this KvK number, if any.
        let organisation: UUID?
        let name: String
        let jobs: Int
        let isHighGrowth: Bool
        let rank: Int?
        /// The latest contact moment, if there ever was one.
        let lastContact: String?
    }

    static let largest = 100

    func entries(panel: RegisterPanel, area: String, months: Int, today: CalendarDay = .today) async throws -> (year: Int?, entries: [Entry]) {
        let region = Area.municipality(area)
        guard let year = panel.years(in: region).last else { return (nil, []) }
        let growers = Set(panel.highGrowthUnits(in: region, endYear: year).map(\.id))
        let largest = panel.largestUnits(.enterprise, in: region, year: year, count: Self.largest)
        let ranks = Dictionary(uniqueKeysWithValues: largest.enumerated().map { ($0.element.id, $0.offset + 1) })
        let jobs = Dictionary(uniqueKeysWithValues: largest.map { ($0.id, $0.jobs) })
        let kvks = Array(growers.union(ranks.keys))
        guard !kvks.isEmpty else { return (year, []) }

        // Names and jobs from the register for growers outside the top 100.
        let records = try await RegisterStore(database).records(municipalities: [area], years: year...year).filter { kvks.contains($0.kvkNumber) }
        let byEnterprise = Dictionary(grouping: records, by: \.kvkNumber)
        let registerNames = byEnterprise.compactMapValues { RegisterRecord.main(of: $0)?.name }
        let totals = byEnterprise.mapValues { $0.map(\.jobs).reduce(0, +) }
        let organisations = try await Organisation.query(on: database).filter(\.$kvkNumber ~~ kvks).all()
        let byKvk = Dictionary(organisations.compactMap { organisation in organisation.kvkNumber.map { ($0, organisation) } }, uniquingKeysWith: { first, _ in first })
        let ids = organisations.compactMap(\.id)
        var lastContact: [UUID: String] = [:]
        if !ids.isEmpty {
            let sql = database as! any SQLDatabase
            let rows = try await sql.select().column(SQLColumn("organisation_id", table: "contact_moment_organisations"))
                .column(SQLFunction("max", args: SQLColumn("date", table: "contact_moments")), as: "last")
                .from("contact_moment_organisations")
                .join("contact_moments", on: SQLColumn("contact_moment_id", table: "contact_moment_organisations"), .equal, SQLColumn("id", table: "contact_moments"))
                .where(SQLColumn("organisation_id", table: "contact_moment_organisations"), .in, SQLBind.group(ids))
                .groupBy(SQLColumn("organisation_id", table: "contact_moment_organisations")).all()
            for row in rows { lastContact[try row.decode(column: "organisation_id", as: UUID.self)] = try row.decode(column: "last", as: String.self) }
        }
        let cutoff = today.monthsEarlier(months).text
        let entries = kvks.compactMap { kvk -> Entry? in
            let organisation = byKvk[kvk]
            let last = organisation?.id.flatMap { lastContact[$0] }
            guard (last ?? "") < cutoff else { return nil }
            return Entry(kvk: kvk, organisation: organisation?.id, name: organisation?.name ?? registerNames[kvk] ?? kvk,
                         jobs: jobs[kvk] ?? totals[kvk] ?? 0, isHighGrowth: growers.contains(kvk), rank: ranks[kvk], lastContact: last)
        }
        return (year, entries.sorted { ($0.jobs, $1.kvk) > ($1.jobs, $0.kvk) })
    }
}
