import Fluent
import Vapor

/// A record type of the JSON API: how to list, read, create, change and delete it. The routes,
/// paging, partial updates and errors are the same for every resource (`ResourceAPI`).
protocol APIResource: Sendable {
    associatedtype Record: Model where Record.IDValue == UUID
    associatedtype Input: Content & Sendable
    associatedtype DTO: Content

    /// The plural name in the URL: `/api/v1/<path>`.
    static var path: String { get }
    /// One record in words, for the API's documentation: `organisation`.
    static var noun: String { get }
    /// The list's filters, as `list` reads them from the query (besides `page` and `page_size`).
    static var filters: [APIParameter] { get }
    /// One page of records, filtered by the request's query (`page`, `page_size` are handled already).
    static func list(_ request: Request, page: Int, size: Int) async throws -> (records: [Record], total: Int)
    static func find(_ id: UUID, on database: Database) async throws -> Record
    static func dtos(_ records: [Record], request: Request) async throws -> [DTO]
    /// The input of a stored record, for partial updates (PATCH, see `Patch`).
    static func input(of record: Record, on database: Database) async throws -> Input
    static func create(_ input: Input, request: Request) async throws -> Record
    static func update(_ record: Record, with input: Input, request: Request) async throws
    static func delete(_ record: Record, request: Request) async throws
    /// Whether a page of the list may be kept per user and data state (`Request.cachedPerUser`):
    /// not for lists whose reading is recorded (the people's contact details).
    static var listIsCacheable: Bool { get }
}

extension APIResource {
    static var listIsCacheable: Bool { false }
    static var filters: [APIParameter] { [] }
}

/// One page of a list, with links to the first, previous, next and last page (HAL `_links`, as
/// the Dutch API design rules page), each keeping the request's other parameters.
struct APIPage<Item: Content>: Content, PagedAnswer {
    typealias Link = APIPageLinks.Link

    let data: [Item]
    let page: Int
    let pageSize: Int
    let total: Int
    let links: APIPageLinks

    enum CodingKeys: String, CodingKey {
        case data, page, total
        case pageSize = "page_size", links = "_links"
    }

    init(data: [Item], page: Int, pageSize: Int, total: Int, request: Request) {
        (self.data, self.page, self.pageSize, self.total) = (data, page, pageSize, total)
        let others = request.queryValues.filter { $0.key != "page" && $0.key != "page_size" }.sorted { $0.key < $1.key }.map { ($0.key, Optional($0.value)) }
        let link = { (page: Int) in
            Link(href: request.url.path + "?" + SiteURL.queryString(others + [("page", String(page)), ("page_size", String(pageSize))]))
        }
        let lastPage = max(1, (total + pageSize - 1) / pageSize)
        links = APIPageLinks(current: link(page), first: link(1), last: link(lastPage),
                      previous: page > 1 ? link(min(page - 1, lastPage)) : nil, next: page < lastPage ? link(page + 1) : nil)
    }
}

/// The links of an `APIPage` (outside it, so that every list shares one schema).
struct APIPageLinks: Content {
    struct Link: Content { let href: String }
    let current: Link
    let first: Link
    let last: Link
    let previous: Link?
    let next: Link?
    enum CodingKeys: String, CodingKey { case first, last, next, current = "self", previous = "prev" }
}

/// An answer in pages: its operation takes `page` and `page_size`.
protocol PagedAnswer {}

/// The routes of one resource: list, read, create, replace (PUT), change (PATCH), delete.
/// Reading needs the `read` permission, the rest `write`.
struct ResourceAPI<Resource: APIResource> {
    let write: Permission

    func register(on api: any RoutesBuilder) {
        let readers = api.grouped(AccessGuard(permission: .read)), writers = api.grouped(AccessGuard(permission: write))
        let collection: [PathComponent] = [.constant(Resource.path)], item = collection + [":id"]
        let noun = Resource.noun
        readers.get(collection, use: list).documented("Lists the \(Resource.path)", query: Resource.filters)
        readers.get(item, use: read).documented("Reads one \(noun)")
        writers.post(collection, use: create).documented("Adds a \(noun)", body: Resource.Input.self, created: Resource.DTO.self)
        writers.put(item, use: replace).documented("Replaces a \(noun)", "Every field is given; a field left out is emptied.", body: Resource.Input.self)
        writers.patch(item, use: change).documented("Changes some fields of a \(noun)", "The fields left out, or given as null, keep their values.",
                                                    body: Resource.Input.self)
        writers.delete(item, use: delete).documented("Deletes a \(noun)")
    }

    func list(_ request: Request) async throws -> APIPage<Resource.DTO> {
        let page = try request.page("page"), size = try request.integer("page_size", in: QueryLimit.pageSize) ?? 50
        let load = { @Sendable in
            let (records, total) = try await Resource.list(request, page: page, size: size)
            return APIPage(data: try await Resource.dtos(records, request: request), page: page, pageSize: size, total: total, request: request)
        }
        guard Resource.listIsCacheable else { return try await load() }
        return try await request.cachedPerUser("api|\(Resource.path)|\(request.url.query ?? "")", compute: load)
    }

    func read(_ request: Request) async throws -> Resource.DTO {
        try await dto(try await Resource.find(try request.id(), on: request.db), request)
    }

    func create(_ request: Request) async throws -> Response {
        let record = try await Resource.create(try request.content.decode(Resource.Input.self), request: request)
        let response = try await dto(record, request).encodeResponse(status: .created, for: request)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/\(Resource.path)/\(try record.requireID())")
        return response
    }

    func replace(_ request: Request) async throws -> Resource.DTO {
        let record = try await Resource.find(try request.id(), on: request.db)
        try await Resource.update(record, with: try request.content.decode(Resource.Input.self), request: request)
        return try await dto(try await Resource.find(try record.requireID(), on: request.db), request)
    }

    func change(_ request: Request) async throws -> Resource.DTO {
        let record = try await Resource.find(try request.id(), on: request.db)
        let input = try Patch.merge(try await Resource.input(of: record, on: request.db), with: try request.content.decode(Resource.Input.self))
        try await Resource.update(record, with: input, request: request)
        return try await dto(try await Resource.find(try record.requireID(), on: request.db), request)
    }

    func delete(_ request: Request) async throws -> HTTPStatus {
        try await Resource.delete(try await Resource.find(try request.id(), on: request.db), request: request)
        return .noContent
    }

    private func dto(_ record: Resource.Record, _ request: Request) async throws -> Resource.DTO {
        guard let dto = try await Resource.dtos([record], request: request).first else { throw Abort(.notFound) }
        return dto
    }
}

/// Adds `API-Version` to every API response (Dutch API design rules).
struct APIVersionMiddleware: ChainedMiddleware {
    static let version = "1.0.0"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: "API-Version", value: Self.version)
        return response
    }
}
