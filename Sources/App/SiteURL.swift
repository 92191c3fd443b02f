import Vapor

/// Every page and endpoint, in one place: routes are registered from it and links are built
/// from it, so a link cannot point at a route that does not exist.
enum SiteURL: Hashable, CaseIterable {
    case home
    case health
    case stylesheet

    var path: String {
        "/" + pathComponents.map(\.description).joined(separator: "/")
    }

    var pathComponents: [PathComponent] {
        switch self {
        case .home: []
        case .health: ["health"]
        case .stylesheet: ["assets", "vliegwiel.css"]
        }
    }
}
