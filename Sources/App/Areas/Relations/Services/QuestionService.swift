import Analysis
import Fluent
import Foundation
import Vapor

/// A question from an entrepreneur as a form or the API gives it.
struct QuestionInput: Content, Sendable, Equatable {
    var question: String?
    var channel: String?
    var organisation: String?
    var person: String?
    var routedTo: String?
    /// A user's id or e-mail address.
    var assignee: String?
    var status: String?
    /// `2025-03-14` or `2025-03-14T09:30`; now when empty.
    var receivedAt: String?
    var answer: String?

    init(question: String? = nil, channel: String? = nil, organisation: String? = nil, person: String? = nil, routedTo: String? = nil,
         assignee: String? = nil, status: String? = nil, receivedAt: String? = nil, answer: String? = nil) {
        (self.question, self.channel, self.organisation, self.person, self.routedTo) = (question, channel, organisation, person, routedTo)
        (self.assignee, self.status, self.receivedAt, self.answer) = (assignee, status, receivedAt, answer)
    }

    enum CodingKeys: String, CodingKey {
        case question, channel, organisation, person, assignee, status, answer
        case routedTo = "routed_to", receivedAt = "received_at"
    }

    struct Values: Sendable, Equatable {
        var question: String
        var channel: Question.Channel
        var organisation: UUID?
        var person: UUID?
        var routedTo: String?
        var assignee: UUID?
        var status: Question.Status
        var receivedAt: Date
        var answer: String?
    }

    func validated(on database: Database, users: UserDirectory) async throws -> Values {
        var check = FieldCheck()
        let question = check.required("question", question, maxLength: 4000)
        let channel = check.requiredChoice("channel", channel, as: Question.Channel.self)
        let organisation = try await ContactMomentInput.existing(Organisation.self, "organisation", organisation.map { TextList([$0]) }, check: &check, on: database).first
        let person = try await ContactMomentInput.existing(Person.self, "person", person.map { TextList([$0]) }, check: &check, on: database).first
        let routedTo = check.optional("routed_to", routedTo, maxLength: 200)
        var assigneeID: UUID?
        if let text = check.optional("assignee", assignee) {
            assigneeID = users.id(of: text)
            if assigneeID == nil { check.report("assignee", localized("'\(text)' is geen gebruiker van Vliegwiel", "'\(text)' is not a Vliegwiel user")) }
        }
        let status = check.choice("status", status, as: Question.Status.self) ?? .new
        var received = Date()
        if let text = check.optional("received_at", receivedAt) {
            if let date = Self.moment(text) { received = date } else {
                check.report("received_at", localized("'\(text)' is geen tijdstip als 2025-03-14T09:30", "'\(text)' is not a time like 2025-03-14T09:30"))
            }
        }
        let answer = check.optional("answer", answer)
        if [.answered, .closed].contains(status), answer == nil {
            check.report("answer", localized("een beantwoorde vraag heeft een antwoord", "an answered question needs an answer"))
        }
        try check.throwIfAny()
        return Values(question: question!, channel: channel!, organisation: organisation, person: person, routedTo: routedTo, assignee: assigneeID,
                      status: status, receivedAt: received, answer: answer)
    }

    /// `2025-03-14` (midnight) or `2025-03-14T09:30`, Amsterdam time.
    static func moment(_ text: String) -> Date? {
        let parts = text.split(separator: "T")
        guard let day = parts.first.flatMap({ CalendarDay(String($0)) }) else { return nil }
        var components = DateComponents(year: day.year, month: day.month, day: day.day)
        if parts.count == 2 {
            let time = parts[1].split(separator: ":").compactMap { Int($0) }
            guard (2...3).contains(time.count), (0...23).contains(time[0]), (0...59).contains(time[1]) else { return nil }
            (components.hour, components.minute) = (time[0], time[1])
        } else if parts.count > 2 { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .current
        return calendar.date(from: components)
    }
}

/// Handles questions from entrepreneurs: the times to a first answer and to closing are set
/// when the status first moves to answered or closed.
struct QuestionService {
    let database: Database
    let actor: Audit.Actor

    @discardableResult
    func create(_ values: QuestionInput.Values, now: Date = Date()) async throws -> Question {
        let question = Question()
        try await save(question, values, isNew: true, now: now)
        return question
    }

    func update(_ question: Question, with values: QuestionInput.Values, now: Date = Date()) async throws {
        try await save(question, values, isNew: false, now: now)
    }

    private func save(_ question: Question, _ values: QuestionInput.Values, isNew: Bool, now: Date) async throws {
        let oldStatus = isNew ? nil : question.status.rawValue
        let textChanged = isNew || question.question != values.question || question.answer != values.answer
        question.question = values.question
        question.channel = values.channel
        question.$organisation.id = values.organisation
        question.$person.id = values.person
        question.routedTo = values.routedTo
        question.$assignee.id = values.assignee
        question.receivedAt = values.receivedAt
        question.answer = values.answer
        question.status = values.status
        let answeredOrClosed = values.status == .answered || values.status == .closed
        if answeredOrClosed, question.firstAnsweredAt == nil { question.firstAnsweredAt = max(now, values.receivedAt) }
        if values.status == .closed, question.closedAt == nil { question.closedAt = max(now, values.receivedAt) }
        if values.status != .closed { question.closedAt = nil }
        try await question.save(on: database)
        var changes: [Audit.Change] = [.value("status", old: oldStatus, new: values.status.rawValue), .value("channel", old: nil, new: values.channel.rawValue),
                                       .value("routed_to", old: nil, new: values.routedTo)]
        if textChanged { changes.append(.personal("question_or_answer")) }
        try await Audit.record(isNew ? .create : .update, .question, id: try question.requireID().uuidString, changes: changes, by: actor, on: database)
    }

    static func find(_ id: UUID?, on database: Database) async throws -> Question {
        try await Question.find(id, on: database, missing: localized("Deze vraag bestaat niet (meer).", "This question does not exist (any more)."))
    }

    /// How questions were handled: per status, and the median and average days to a first
    /// answer and to closing, overall and per channel.
    struct Overview: Sendable, Equatable {
        struct Times: Sendable, Equatable {
            let label: String
            let count: Int
            let medianDaysToAnswer: Double?
            let averageDaysToAnswer: Double?
            let medianDaysToClose: Double?
        }

        let byStatus: [Question.Status: Int]
        let times: [Times]
    }

    /// The handling times of `questions` as they stood at `moment` (answers and closings after it
    /// do not count yet): one rule for the Questions page and the indicator catalogue.
    static func times(_ label: String, _ questions: [Question], until moment: Date = .distantFuture) -> Overview.Times {
        let days = { (from: Date, to: Date?) in to.flatMap { $0 < moment ? $0.timeIntervalSince(from) / 86_400 : nil } }
        let answer = questions.compactMap { days($0.receivedAt, $0.firstAnsweredAt) }, close = questions.compactMap { days($0.receivedAt, $0.closedAt) }
        return Overview.Times(label: label, count: questions.count, medianDaysToAnswer: answer.isEmpty ? nil : Statistics.median(answer),
                              averageDaysToAnswer: answer.isEmpty ? nil : Statistics.mean(answer), medianDaysToClose: close.isEmpty ? nil : Statistics.median(close))
    }

    func overview() async throws -> Overview {
        let all = try await Question.query(on: database).all()
        let times = { (label: String, questions: [Question]) in Self.times(label, questions) }
        return Overview(byStatus: Dictionary(grouping: all, by: \.status).mapValues(\.count),
                        times: [times(localized("Alle vragen", "All questions"), all)]
                            + Question.Channel.allCases.map { channel in times(channel.label, all.filter { $0.channel == channel }) }.filter { $0.count > 0 })
    }
}
