@testable import App
import Foundation
import NIOConcurrencyHelpers
import Testing
import Vapor
import VaporTesting

/// The figure cache: one compute for simultaneous requests, nothing stale after an import.
struct ViewCacheTests {
    /// A compute that waits until it is released, counting how often it ran.
    final class Gate: Sendable {
        private let released = NIOLockedValueBox(false)
        let runs = NIOLockedValueBox(0)

        func release() { released.withLockedValue { $0 = true } }

        func compute(_ value: String) async throws -> String {
            runs.withLockedValue { $0 += 1 }
            while !released.withLockedValue({ $0 }) { try await Task.sleep(for: .milliseconds(5)) }
            return value
        }
    }

    @Test func simultaneousRequestsShareOneCompute() async throws {
        let cache = ViewCache(), gate = Gate()
        let values = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<20 { group.addTask { try await cache.value("figures", generation: "g1") { try await gate.compute("v1") } } }
            try await Task.sleep(for: .milliseconds(50))
            gate.release()
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(values == Array(repeating: "v1", count: 20))
        #expect(gate.runs.withLockedValue { $0 } == 1)
    }

    @Test func aComputeThatStartedBeforeAnImportDoesNotStayAfterIt() async throws {
        let cache = ViewCache(), slow = Gate()
        let old = Task { try await cache.value("figures", generation: "before") { try await slow.compute("old figures") } }
        try await Task.sleep(for: .milliseconds(30))
        // The import happens: the next request reads the new generation.
        let new = try await cache.value("figures", generation: "after") { "new figures" }
        slow.release()
        #expect(try await old.value == "old figures", "the request that started before gets what it asked for")
        #expect(new == "new figures")
        #expect(try await cache.value("figures", generation: "after") { "computed again" } == "new figures")
    }

    @Test func manyFiguresDoNotEvictThePanel() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(SectorsPageTests.register))
            let cache = ViewCache()
            let generation = try await ViewCache.generation(on: app.db)
            _ = try await cache.panel(generation: generation, on: app.db)
            for index in 0...ViewCache.maximumEntries { _ = try await cache.value("entry \(index)", generation: generation) { index } }
            // Were the panel loaded again it would now be empty: it must still be the one loaded.
            try await app.sql.raw("DELETE FROM register_records").run()
            let panel = try await cache.panel(generation: generation, on: app.db)
            #expect(panel.years(in: .init(municipalities: ["GM0193"])) == [2010, 2020])
        }
    }

    /// The whole way: an import during a slow page compute, and the page shows the new figures.
    @Test func anImportDuringASlowComputeIsSeenByTheNextRequest() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(SectorsPageTests.register))
            let before = try await ViewCache.generation(on: app.db)
            let slow = Gate()
            let stale = Task { try await app.viewCache.value("sectors|x", generation: before) { try await slow.compute("stale") } }
            try await Task.sleep(for: .milliseconds(30))
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(SectorsPageTests.register.replacingOccurrences(of: "2020,180,20", with: "2020,1180,20")))
            let after = try await ViewCache.generation(on: app.db)
            #expect(after != before)
            let viewer = try await app.session(as: .viewer)
            let page = try await OrganisationTests.get("/economie/sectoren?gebied=GM0193&van=2010&tot=2020&formaat=csv", as: viewer, in: app).body.string
            // Section J in 2020: Software Een's 1,180 + 20 jobs after the second import (200 before), and 40 of Uitgever Drie.
            #expect(page.contains("J,Informatie en communicatie,120,1240,"), "\(page)")
            slow.release()
            _ = try await stale.value
            #expect(try await app.viewCache.value("sectors|x", generation: after) { "fresh" } == "fresh")
            // Anything else the figures depend on moves the generation too.
            try await Setting.figuresChanged(on: app.db)
            #expect(try await ViewCache.generation(on: app.db) != after)
        }
    }
}
