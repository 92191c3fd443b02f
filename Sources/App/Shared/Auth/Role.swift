/// What someone may do in Vliegwiel: the single declaration of who may read or change what.
/// Routes name the permission they need; `Role.may` is the only place that answers.
enum Role: String, Codable, CaseIterable, Sendable {
    case admin, adviser, accountmanager, viewer

    /// The role's name on the pages.
    var label: String {
        switch self {
        case .admin: localized("Beheerder", "Administrator")
        case .adviser: localized("Beleidsadviseur", "Policy adviser")
        case .accountmanager: localized("Accountmanager", "Account manager")
        case .viewer: localized("Lezer", "Reader")
        }
    }

    func may(_ permission: Permission) -> Bool {
        switch permission {
        case .read: true
        case .editRelations, .readContactDetails: self != .viewer
        case .editProgramme: self == .admin || self == .adviser
        case .manageUsers, .readAudit, .managePersonalData: self == .admin
        }
    }
}

enum Permission: String, CaseIterable, Sendable {
    /// The monitor, clusters, goals, programme, scenarios and reports.
    case read
    /// Organisations, people, contact moments and follow-ups.
    case editRelations
    /// People's e-mail addresses, phone numbers, notes and consents, on the web and in the API
    /// (without it a person is a name with roles).
    case readContactDetails
    /// Goals, projects, scenarios and monitor settings.
    case editProgramme
    /// Accounts and their tokens.
    case manageUsers
    /// The audit trail.
    case readAudit
    /// Exporting and erasing everything held about a person (AVG), and the review of inactive people.
    case managePersonalData
}
