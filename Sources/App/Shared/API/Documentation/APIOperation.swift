import Vapor

/// A type the API reads or answers with: its schema is found by decoding it (`JSONSchemas`).
typealias APIType = any (Decodable & Sendable).Type

/// What an `/api/v1` route does, as the OpenAPI document (`OpenAPIDocument`) says it. Each area
/// writes it where it registers the route (`Route.documented`), so a route without a description
/// is seen at once (a test fails). The rest comes from the route itself: its path parameters, the
/// handler's answer type (200 with its schema, 204 for `HTTPStatus`), paging parameters for an
/// `APIPage`, and the problems every operation can answer with.
struct APIOperation: Sendable {
    var summary: String
    var description: String?
    /// Path parameters other than an id (`:id` is a UUID unless named here).
    var path: [APIParameter] = []
    var query: [APIParameter] = []
    var body: APIType?
    /// For a handler that answers `201 Created` with a `Location` (it returns a `Response`).
    var created: APIType?
    /// For a handler that answers a file: its media types.
    var files: [String] = []
    /// Statuses besides those every operation has (`409` when a record is still in use).
    var statuses: [HTTPResponseStatus] = []
    /// Needs no token (the document itself).
    var isPublic = false

    static let key = "vliegwiel.api-operation"
}

/// A parameter of an operation, with the same limits the handler checks.
struct APIParameter: Sendable {
    let name: String
    let description: String
    let schema: JSONValue
    var isRequired = false

    /// The same parameter, which the operation cannot do without.
    func required() -> APIParameter {
        var parameter = self
        parameter.isRequired = true
        return parameter
    }

    static func text(_ name: String, _ description: String) -> APIParameter {
        APIParameter(name: name, description: description, schema: ["type": "string", "maxLength": 200])
    }

    static func id(_ name: String, _ description: String) -> APIParameter {
        APIParameter(name: name, description: description, schema: ["type": "string", "format": "uuid"])
    }

    static func integer(_ name: String, _ description: String, in range: ClosedRange<Int>) -> APIParameter {
        APIParameter(name: name, description: description,
                     schema: ["type": "integer", "minimum": .integer(range.lowerBound), "maximum": .integer(range.upperBound)])
    }

    static func day(_ name: String, _ description: String) -> APIParameter {
        APIParameter(name: name, description: description, schema: ["type": "string", "format": "date"])
    }

    static func flag(_ name: String, _ description: String) -> APIParameter {
        APIParameter(name: name, description: description, schema: ["type": "boolean"])
    }

    static func choice<Choice: RawRepresentable & CaseIterable>(_ name: String, _ description: String, _ type: Choice.Type) -> APIParameter
    where Choice.RawValue == String {
        APIParameter(name: name, description: description, schema: ["type": "string", "enum": .array(Choice.allCases.map { .string($0.rawValue) })])
    }

    /// The monitor's area: a municipality or the region.
    static let area = APIParameter.text("area", "The area: a CBS municipality code (GM0363) or the region's key; the configured municipality when left out.")
    static let year = APIParameter.integer("year", "The register year; the latest when left out.", in: QueryLimit.year)
    static let page = APIParameter.integer("page", "The page, from 1.", in: QueryLimit.page)
    static let pageSize = APIParameter.integer("page_size", "Records per page (50 when left out).", in: QueryLimit.pageSize)
}

extension Route {
    /// Describes this `/api/v1` route for the OpenAPI document.
    @discardableResult
    func documented(_ summary: String, _ description: String? = nil, path: [APIParameter] = [], query: [APIParameter] = [],
                    body: APIType? = nil, created: APIType? = nil, files: [String] = [], statuses: [HTTPResponseStatus] = [],
                    isPublic: Bool = false) -> Route {
        userInfo[APIOperation.key] = APIOperation(summary: summary, description: description, path: path, query: query, body: body,
                                                  created: created, files: files, statuses: statuses, isPublic: isPublic)
        return self
    }

    var apiOperation: APIOperation? { userInfo[APIOperation.key] as? APIOperation }
}
