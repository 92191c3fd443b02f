import Analysis
import Fluent
import Foundation
import Vapor

/// Evaluates signposts: the indicator's history from the catalogue, the reading (trend, projected
/// crossing, status) from `Analysis.SignpostReading`, kept with the signpost; a signpost that
/// becomes triggered raises an alert, recorded in the audit trail with the values that caused it.
///
/// Runs after every import (`vliegwiel import`), after every successful change through the web or
/// the API to data a signpost reads (`SignpostMiddleware`), when a signpost is saved, and on demand.
struct SignpostWatch {
    let catalogue: IndicatorCatalogue
    let actor: Audit.Actor

    var database: Database { catalogue.database }

    /// The outcome of one evaluation round.
    struct Outcome: Sendable {
        var evaluated = 0
        /// The alerts raised (new triggers).
        var raised: [SignpostAlert] = []
        /// Signposts that could not be read, with why.
        var problems: [(name: String, reason: String)] = []
    }

    /// Evaluates `signposts` (every signpost when nil).
    @discardableResult
    func evaluate(_ signposts: [Signpost]? = nil) async throws -> Outcome {
        var outcome = Outcome()
        var list = signposts ?? []
        if signposts == nil { list = try await Signpost.query(on: database).all() }
        for signpost in list {
            outcome.evaluated += 1
            if let alert = try await evaluate(signpost) { outcome.raised.append(alert) }
            if let problem = signpost.problem { outcome.problems.append((signpost.name, problem)) }
        }
        return outcome
    }

    /// Whether a change through the web or the API can move a signpost: one on figures of the
    /// relations register, a manual series, or a cluster (whose definition can change). Register
    /// figures change only by an import.
    static func isChangeable(_ signpost: Signpost) -> Bool {
        guard let indicator = Indicator.find(signpost.indicator) else { return false }
        return !indicator.parameters.contains(.year) || signpost.parameterValues[.cluster] != nil
    }

    /// Reads one signpost and keeps the reading; returns the alert when it has just become triggered.
    private func evaluate(_ signpost: Signpost) async throws -> SignpostAlert? {
        let before = signpost.status
        signpost.evaluatedAt = Date()
        guard let indicator = Indicator.find(signpost.indicator) else {
            return try await keep(signpost, problem: localized("de indicator '\(signpost.indicator)' bestaat niet meer", "the indicator '\(signpost.indicator)' no longer exists"))
        }
        let history: [IndicatorCatalogue.Point]
        do {
            history = try await catalogue.history(of: indicator, parameters: signpost.parameterValues)
        } catch let invalid as InvalidFields {
            return try await keep(signpost, problem: invalid.description)
        } catch let abort as AbortError {
            return try await keep(signpost, problem: abort.reason)
        }
        guard let latest = history.last else {
            return try await keep(signpost, problem: localized("er zijn nog geen gegevens voor deze indicator", "there is no data for this indicator yet"))
        }
        let reading = SignpostReading(times: history.map(\.time), values: history.map(\.value), direction: signpost.direction,
                                      trigger: signpost.trigger, warning: signpost.warning)
        (signpost.status, signpost.value, signpost.asOf, signpost.slope, signpost.problem) = (reading.status, reading.value, latest.asOf, reading.slope, nil)
        signpost.projectedCrossing = reading.status == .triggered ? nil : reading.crossing.flatMap(CalendarDay.init(fractionalYear:))?.text
        // An alert for a new trigger only, and never a second one while the first is open (two
        // readings at once, say after an import and a change, both see the old status).
        guard reading.status == .triggered, before != .triggered,
              try await SignpostAlert.query(on: database).filter(\.$signpost.$id == signpost.id).filter(\.$acknowledgedAt == nil).count() == 0 else {
            try await signpost.save(on: database)
            return nil
        }
        let alert = SignpostAlert()
        (alert.$signpost.id, alert.signpostName, alert.raisedAt, alert.value, alert.asOf) = (signpost.id, signpost.name, Date(), reading.value, latest.asOf)
        (alert.direction, alert.trigger) = (signpost.direction, signpost.trigger)
        alert.message = Self.message(signpost, value: reading.value, asOf: latest.asOf)
        try await database.transaction { database in
            try await signpost.save(on: database)
            try await alert.create(on: database)
            try await Audit.record(.create, .signpostAlert, id: try alert.requireID().uuidString, changes: [
                .value("signpost", old: nil, new: signpost.id?.uuidString), .value("indicator", old: nil, new: "\(signpost.indicator) \(signpost.parameters)"),
                .value("value", old: nil, new: Format.plain(reading.value)), .value("as_of", old: nil, new: latest.asOf),
                .value("direction", old: nil, new: signpost.direction.rawValue), .value("trigger", old: nil, new: Format.plain(signpost.trigger)),
                .value("status", old: before?.rawValue, new: reading.status.rawValue),
            ], by: actor, on: database)
        }
        return alert
    }

    /// A signpost that cannot be read keeps its last reading, with why it could not be read now
    /// (so that a passing failure does not make the next reading look like a new trigger).
    private func keep(_ signpost: Signpost, problem: String) async throws -> SignpostAlert? {
        signpost.problem = problem
        try await signpost.save(on: database)
        return nil
    }

    /// "Banen in de zorg is 5.210 (2024): gestegen tot de drempel van 5.000 of erboven."
    static func message(_ signpost: Signpost, value: Double, asOf: String) -> String {
        signpost.direction == .rising
            ? localized("\(signpost.name): \(Format.figure(value)) (\(asOf)), gestegen tot de drempel van \(Format.figure(signpost.trigger)) of erboven.",
                        "\(signpost.name): \(Format.figure(value)) (\(asOf)), risen to the trigger of \(Format.figure(signpost.trigger)) or above.")
            : localized("\(signpost.name): \(Format.figure(value)) (\(asOf)), gedaald tot de drempel van \(Format.figure(signpost.trigger)) of eronder.",
                        "\(signpost.name): \(Format.figure(value)) (\(asOf)), fallen to the trigger of \(Format.figure(signpost.trigger)) or below.")
    }

    /// Alerts not yet acknowledged, newest first.
    static func openAlerts(on database: Database) async throws -> [SignpostAlert] {
        try await SignpostAlert.query(on: database).filter(\.$acknowledgedAt == nil).sort(\.$raisedAt, .descending).all()
    }

    static func acknowledge(_ alert: SignpostAlert, by actor: Audit.Actor, on database: Database) async throws {
        guard alert.acknowledgedAt == nil else { return }
        (alert.acknowledgedAt, alert.$acknowledgedBy.id) = (Date(), actor.userID)
        try await database.transaction { database in
            try await alert.save(on: database)
            try await Audit.record(.update, .signpostAlert, id: try alert.requireID().uuidString, changes: [.value("acknowledged", old: nil, new: "true")],
                                   by: actor, on: database)
        }
    }
}

extension SignpostWatch {
    /// After an import or a change: every signpost (or those a change can move) on today's data.
    /// Without such signposts nothing is loaded (most changes happen where there are none).
    static func run(changeableOnly: Bool = false, application: Application, database: Database, actor: Audit.Actor) async throws -> Outcome {
        let signposts = try await Signpost.query(on: database).all().filter { !changeableOnly || isChangeable($0) }
        guard !signposts.isEmpty else { return Outcome() }
        let watch = SignpostWatch(catalogue: try await IndicatorCatalogue.on(application: application, database: database), actor: actor)
        return try await watch.evaluate(signposts)
    }
}

/// After every successful change through the web or the API (not in the Toekomst area itself, whose
/// services evaluate what they change), re-reads the signposts such a change can move, so that a
/// trigger shows at the next page. A failure is logged, never the change's.
struct SignpostMiddleware: ChainedMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        // Only a change someone signed in made (a refused or anonymous request changes nothing).
        guard request.currentUser != nil, ![.GET, .HEAD, .OPTIONS].contains(request.method), response.status.code < 400,
              !Self.exempt.contains(where: request.url.path.hasPrefix) else { return response }
        do {
            _ = try await SignpostWatch.run(changeableOnly: true, application: request.application, database: request.db, actor: .system)
        } catch {
            request.logger.error("signposts not evaluated after \(request.method) \(request.url.path): \(String(describing: error))")
        }
        return response
    }

    /// Paths whose changes no signpost reads (or that evaluate themselves).
    static let exempt = ["/toekomst", "/api/v1/signposts", "/api/v1/alerts", "/api/v1/futures", "/api/v1/scenarios", "/api/v1/options", "/inloggen", "/uitloggen", "/login", "/logout"]
}
