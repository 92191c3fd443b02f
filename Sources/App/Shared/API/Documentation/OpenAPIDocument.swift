import Vapor

/// The OpenAPI 3.1 document of `/api/v1`, made from the routes themselves: every route under
/// `/api/v1` with its `APIOperation`, its path parameters, and the schemas of its body and
/// answer found by decoding their types (`JSONSchemas`). Served at `/api/v1/openapi.json`.
enum OpenAPIDocument {
    static let prefix = ["api", "v1"]

    /// The routes the document is about.
    static func apiRoutes(_ routes: [Route]) -> [Route] {
        routes.filter { Array($0.path.prefix(2).map(\.description)) == prefix }
    }

    /// `GET api/v1/organisations/:id` → `/organisations/{id}` (relative to the server `/api/v1`).
    static func path(of route: Route) -> String {
        "/" + route.path.dropFirst(prefix.count).map { component in
            if case .parameter(let name) = component { return "{\(name)}" }
            return component.description
        }.joined(separator: "/")
    }

    static func build(routes: [Route]) -> JSONValue {
        var schemas = JSONSchemas()
        schemas.add("Problem", problemSchema)
        var paths: [String: [String: JSONValue]] = [:]
        let described = apiRoutes(routes).filter { $0.apiOperation != nil }
        for route in described {
            var operation = describe(route, route.apiOperation!, schemas: &schemas)
            if case .object(var members) = operation, case .object(var responses)? = members["responses"], case .object(var created)? = responses["201"],
               let links = links(from: route, answering: created["content"]?["application/json"]?["schema"], to: described, schemas: schemas) {
                created["links"] = links
                responses["201"] = .object(created)
                members["responses"] = .object(responses)
                operation = .object(members)
            }
            paths[path(of: route), default: [:]][route.method.rawValue.lowercased()] = operation
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "Vliegwiel API",
                "version": .string(APIVersionMiddleware.version),
                "description": .string(about),
            ],
            "servers": [["url": "/api/v1"]],
            "security": [["bearer": []]],
            "paths": .object(paths.mapValues { .object($0) }),
            "components": [
                "schemas": .object(schemas.components),
                "responses": .object(Dictionary(uniqueKeysWithValues: problemStatuses.map { ($0.name, problemResponse($0.status, $0.meaning)) })),
                "headers": ["API-Version": apiVersionHeader],
                "securitySchemes": ["bearer": [
                    "type": "http", "scheme": "bearer",
                    "description": "An API token: `vliegwiel user token create --email <user>`. The token's user's role decides what it may do.",
                ]],
            ],
        ]
    }

    private static let about = """
        The economic monitor, the relations register, clusters, goals, the programme, the futures and the council reports of Vliegwiel. \
        Every answer carries `API-Version`; errors are problem documents (RFC 9457) naming the fields or parameters that were wrong \
        (`invalid-params`). Lists come in pages (`page`, `page_size` up to \(QueryLimit.pageSize.upperBound)) with HAL `_links`.
        """

    private static func describe(_ route: Route, _ operation: APIOperation, schemas: inout JSONSchemas) -> JSONValue {
        var parameters: [JSONValue] = []
        for component in route.path {
            guard case .parameter(let name) = component else { continue }
            let parameter = operation.path.first { $0.name == name } ?? .id(name, "The record's id.")
            parameters.append(["name": .string(name), "in": "path", "required": true, "description": .string(parameter.description), "schema": parameter.schema])
        }
        let isPaged = route.responseType is any PagedAnswer.Type
        for parameter in operation.query + (isPaged ? [.page, .pageSize] : []) {
            parameters.append(["name": .string(parameter.name), "in": "query", "required": .bool(parameter.isRequired),
                               "description": .string(parameter.description), "schema": parameter.schema])
        }

        var responses: [String: JSONValue] = [:]
        let headers: JSONValue = ["API-Version": ["$ref": "#/components/headers/API-Version"]]
        if let created = operation.created {
            responses["201"] = ["description": "Created; `Location` is its address.",
                                "headers": ["API-Version": ["$ref": "#/components/headers/API-Version"],
                                            "Location": ["required": true, "schema": ["type": "string"]]],
                                "content": ["application/json": ["schema": schemas.schema(for: created)]]]
        } else if !operation.files.isEmpty {
            responses["200"] = ["description": "The file.", "headers": headers,
                                "content": .object(Dictionary(uniqueKeysWithValues: operation.files.map { ($0, ["schema": [:]]) }))]
        } else if route.responseType == HTTPStatus.self {
            responses["204"] = ["description": "Done.", "headers": headers]
        } else if let answer = route.responseType as? APIType {
            responses["200"] = ["description": "OK.", "headers": headers, "content": ["application/json": ["schema": schemas.schema(for: answer)]]]
        }
        for status in problems(route, operation) {
            responses[String(status.code)] = ["$ref": .string("#/components/responses/\(problemName(status))")]
        }

        var result: [String: JSONValue] = [
            "operationId": .string(operationID(route)),
            "summary": .string(operation.summary),
            "tags": [.string(route.path.dropFirst(prefix.count).first?.description ?? "api")],
            "responses": .object(responses),
        ]
        if let description = operation.description { result["description"] = .string(description) }
        if !parameters.isEmpty { result["parameters"] = .array(parameters) }
        if operation.isPublic { result["security"] = [] }
        if let body = operation.body {
            result["requestBody"] = ["required": true, "content": ["application/json": ["schema": schemas.schema(for: body)]]]
        }
        return .object(result)
    }

    /// What a client can do next with a record it just created (OpenAPI links): read, replace,
    /// change or delete it at `<collection>/{id}`, with the `id` (or `key`) of the answer.
    private static func links(from route: Route, answering schema: JSONValue?, to routes: [Route], schemas: JSONSchemas) -> JSONValue? {
        guard route.method == .POST, case .string(let reference)? = schema?["$ref"],
              let properties = schemas.components[String(reference.split(separator: "/").last ?? "")]?["properties"]?.objectMembers else { return nil }
        let field = properties["id"] != nil ? "id" : "key"
        let item = path(of: route) + "/{id}"
        var links: [String: JSONValue] = [:]
        for other in routes where path(of: other) == item {
            links[other.method.rawValue.lowercased()] = ["operationId": .string(operationID(other)), "parameters": ["id": .string("$response.body#/\(field)")]]
        }
        return links.isEmpty ? nil : .object(links)
    }

    /// The problems an operation can answer with.
    static func problems(_ route: Route, _ operation: APIOperation) -> [HTTPResponseStatus] {
        var statuses: [HTTPResponseStatus] = [.badRequest]
        if !operation.isPublic { statuses += [.unauthorized, .forbidden] }
        if route.path.contains(where: { if case .parameter = $0 { true } else { false } }) { statuses.append(.notFound) }
        if operation.body != nil { statuses += [.payloadTooLarge, .unsupportedMediaType, .unprocessableEntity] }
        return statuses + operation.statuses.filter { !statuses.contains($0) }
    }

    private static let problemStatuses: [(status: HTTPResponseStatus, name: String, meaning: String)] = [
        (.badRequest, "BadRequest", "A parameter or the body cannot be read; the problem names it."),
        (.unauthorized, "Unauthorized", "No valid API token."),
        (.forbidden, "Forbidden", "The token's role may not do this."),
        (.notFound, "NotFound", "No such record."),
        (.conflict, "Conflict", "The record is still in use; the problem says how to go on."),
        (.payloadTooLarge, "PayloadTooLarge", "The body is too large."),
        (.unsupportedMediaType, "UnsupportedMediaType", "The body is not JSON."),
        (.unprocessableEntity, "UnprocessableEntity", "Fields are wrong; `invalid-params` names each with the reason. Nothing was saved."),
    ]

    private static func problemName(_ status: HTTPResponseStatus) -> String {
        problemStatuses.first { $0.status == status }?.name ?? "Status\(status.code)"
    }

    private static func problemResponse(_ status: HTTPResponseStatus, _ meaning: String) -> JSONValue {
        ["description": .string(meaning), "headers": ["API-Version": ["$ref": "#/components/headers/API-Version"]],
         "content": ["application/problem+json": ["schema": JSONSchemas.reference("Problem")]]]
    }

    private static let problemSchema: JSONValue = [
        "type": "object",
        "required": ["type", "title", "status", "detail"],
        "properties": [
            "type": ["type": "string"],
            "title": ["type": "string"],
            "status": ["type": "integer"],
            "detail": ["type": "string"],
            "requestId": ["type": "string", "description": "The request's id in the log (X-Request-Id)."],
            "invalid-params": ["type": "array", "items": [
                "type": "object", "required": ["name", "reason"],
                "properties": ["name": ["type": "string"], "reason": ["type": "string"]],
            ]],
        ],
    ]

    private static let apiVersionHeader: JSONValue = [
        "description": "The full version of the API (Dutch API design rules).",
        "required": true,
        "schema": ["type": "string", "example": .string(APIVersionMiddleware.version)],
    ]

    /// `GET /organisations/{id}/register` → `getOrganisationsIdRegister`.
    static func operationID(_ route: Route) -> String {
        let words = route.path.dropFirst(prefix.count).flatMap { component -> [String] in
            let text: String = if case .parameter(let name) = component { name } else { component.description }
            return text.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        }
        return route.method.rawValue.lowercased() + words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
