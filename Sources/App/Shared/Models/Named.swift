import Foundation

/// A record a page names and links to: its id and its name.
struct Named: Sendable, Hashable {
    let id: UUID
    let name: String
}
