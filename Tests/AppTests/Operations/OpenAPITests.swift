@testable import App
import Foundation
import Testing
import Vapor
import VaporTesting

/// The API's OpenAPI document (issue 19): every `/api/v1` route is described and every
/// description is a route; the schemas are whole; lists link their pages; problems carry the version.
struct OpenAPITests {
    static func document(in app: Application) async throws -> [String: Any] {
        let response = try await RelationsAPITests.call(.GET, "/api/v1/openapi.json", headers: [:], in: app)
        #expect(response.status == .ok, "the document needs no token")
        #expect(response.headers.first(name: "API-Version") == APIVersionMiddleware.version)
        return try RelationsAPITests.object(response)
    }

    @Test func everyRouteIsDescribedAndEveryDescriptionIsARoute() async throws {
        try await withTestApp { app in
            let document = try await Self.document(in: app)
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let described = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
            let routes = OpenAPIDocument.apiRoutes(app.routes.all)
            let undescribed = routes.filter { $0.apiOperation == nil }.map { "\($0.method.rawValue) /\($0.path.map(\.description).joined(separator: "/"))" }
            #expect(undescribed.isEmpty, "routes without a description: \(undescribed)")
            let routed = Set(routes.map { "\($0.method.rawValue) \(OpenAPIDocument.path(of: $0))" })
            #expect(described == routed, "described, not routed: \(described.subtracting(routed)); routed, not described: \(routed.subtracting(described))")
            #expect(routed.count >= 116, "the API had 115 routes and the document when it was written")
            #expect(routed.contains("GET /organisations/{id}") && routed.contains("POST /goals/snapshots"))
        }
    }

    @Test func everyOperationAnswersWithSchemasThatResolve() async throws {
        try await withTestApp { app in
            let document = try await Self.document(in: app)
            let components = try #require(document["components"] as? [String: [String: Any]])
            var references: [String] = []
            func collect(_ value: Any) {
                if let object = value as? [String: Any] {
                    if let reference = object["$ref"] as? String { references.append(reference) }
                    object.values.forEach(collect)
                } else if let array = value as? [Any] {
                    array.forEach(collect)
                }
            }
            collect(document)
            for reference in Set(references) {
                let parts = reference.split(separator: "/").map(String.init)
                #expect(parts.count == 4 && parts[0] == "#" && parts[1] == "components" && components[parts[2]]?[parts[3]] != nil, "\(reference) resolves")
            }
            // A struct the decoding could not read would be an object without fields.
            let schemas = try #require(components["schemas"] as? [String: [String: Any]])
            for (name, schema) in schemas where schema["type"] as? String == "object" {
                #expect(schema["properties"] != nil || schema["additionalProperties"] != nil, "\(name) has fields")
            }
            let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
            for (path, operations) in paths {
                for (method, operation) in operations {
                    let responses = try #require(operation["responses"] as? [String: Any])
                    #expect(responses.keys.contains { $0.hasPrefix("2") }, "\(method) \(path) has a success")
                    #expect(!(operation["summary"] as? String ?? "").isEmpty, "\(method) \(path) has a summary")
                    if operation["security"] == nil { #expect(responses["401"] != nil && responses["403"] != nil, "\(method) \(path) names 401 and 403") }
                    if operation["requestBody"] != nil { #expect(responses["422"] != nil, "\(method) \(path) names 422") }
                }
            }
            // Fields read in several ways get every type; optional fields are not required.
            let organisation = try #require(schemas["OrganisationInput"]?["properties"] as? [String: [String: Any]])
            #expect(organisation["name"]?["type"] as? [String] == ["string", "null"])
            #expect(schemas["OrganisationInput"]?["required"] == nil)
            let cluster = try #require(schemas["ClusterInput"]?["properties"] as? [String: [String: Any]])
            #expect(cluster["growth_cluster"]?["type"] as? [String] == ["boolean", "string", "null"])
            let dto = try #require(schemas["OrganisationsResourceDTO"])
            #expect(Set(dto["required"] as? [String] ?? []).isSuperset(of: ["id", "kind", "name", "establishment_numbers", "tags"]))
            let id = try #require((dto["properties"] as? [String: [String: Any]])?["id"])
            #expect(id["format"] as? String == "uuid")
            let list = try #require(paths["/organisations"]?["get"]?["parameters"] as? [[String: Any]])
            #expect(Set(list.compactMap { $0["name"] as? String }).isSuperset(of: ["q", "kind", "page", "page_size"]))
        }
    }

    @Test func listsLinkTheirPagesKeepingTheFilters() async throws {
        try await withTestApp { app in
            let (headers, _) = try await RelationsAPITests.token(.accountmanager, in: app)
            for number in 1...7 {
                let created = try await RelationsAPITests.call(.POST, "/api/v1/organisations", #"{"kind":"company","name":"Bedrijf \#(number)"}"#, headers: headers, in: app)
                #expect(created.status == .created)
            }
            let page = try RelationsAPITests.object(try await RelationsAPITests.call(.GET, "/api/v1/organisations?kind=company&page=2&page_size=3", headers: headers, in: app))
            let links = try #require(page["_links"] as? [String: [String: String]])
            #expect(links["self"]?["href"] == "/api/v1/organisations?kind=company&page=2&page_size=3")
            #expect(links["first"]?["href"] == "/api/v1/organisations?kind=company&page=1&page_size=3")
            #expect(links["prev"]?["href"] == "/api/v1/organisations?kind=company&page=1&page_size=3")
            #expect(links["next"]?["href"] == "/api/v1/organisations?kind=company&page=3&page_size=3")
            #expect(links["last"]?["href"] == "/api/v1/organisations?kind=company&page=3&page_size=3")
            let last = try RelationsAPITests.object(try await RelationsAPITests.call(.GET, "/api/v1/organisations?page=3&page_size=3&q=bedrijf+1", headers: headers, in: app))
            let lastLinks = try #require(last["_links"] as? [String: [String: String]])
            #expect(lastLinks["next"] == nil && lastLinks["last"]?["href"] == "/api/v1/organisations?q=bedrijf%201&page=1&page_size=3")
            #expect(lastLinks["prev"]?["href"] == "/api/v1/organisations?q=bedrijf%201&page=1&page_size=3", "past the end, prev is the last page")
        }
    }

    @Test func problemsCarryTheAPIVersionToo() async throws {
        try await withTestApp { app in
            let anonymous = try await RelationsAPITests.call(.GET, "/api/v1/organisations", headers: [:], in: app)
            #expect(anonymous.status == .unauthorized && anonymous.headers.first(name: "API-Version") == APIVersionMiddleware.version)
            let (headers, _) = try await RelationsAPITests.token(.viewer, in: app)
            let missing = try await RelationsAPITests.call(.GET, "/api/v1/organisations/\(UUID())", headers: headers, in: app)
            #expect(missing.status == .notFound && missing.headers.first(name: "API-Version") == APIVersionMiddleware.version)
            #expect(missing.headers.contentType?.description == "application/problem+json")
            let refused = try await RelationsAPITests.call(.POST, "/api/v1/organisations", #"{"kind":"company","name":"X"}"#, headers: headers, in: app)
            #expect(refused.status == .forbidden && refused.headers.first(name: "API-Version") == APIVersionMiddleware.version)
        }
    }
}
