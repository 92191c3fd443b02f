import Foundation

/// A record a page names and links to: its id and its name.
struct Named: Sendable, Hashable {
    let id: UUID
    let name: String
}

extension Named {
    /// A record named by its key in URLs (a cluster, a place).
    struct Keyed: Sendable, Hashable {
        let key: String
        let name: String
    }
}
