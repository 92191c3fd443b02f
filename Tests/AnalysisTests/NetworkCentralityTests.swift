import Analysis
import Testing

/// Oracle 08: networkx 3.6.1 (METHODS.md section 8).
struct NetworkCentralityTests {
    static var oracle: [String: Any] { Oracle.load("08_network_centrality") }

    static var network: CollaborationNetwork {
        let graph = oracle["graph"] as! [String: Any]
        let edges = (graph["edges_with_weight(joint_projects)"] as! [[Any]]).map {
            ($0[0] as! String, $0[1] as! String, Oracle.number($0[2])!)
        }
        return CollaborationNetwork(nodes: graph["nodes"] as! [String], edges: edges)
    }

    static func expected(_ key: String) -> [String: Double] {
        ((oracle["expected"] as! [String: Any])[key] as! [String: Any]).mapValues { Oracle.number($0)! }
    }

    static func matches(_ actual: [String: Double], _ key: String, tolerance: Double = 1e-9) -> Bool {
        let wanted = expected(key)
        return Set(actual.keys) == Set(wanted.keys) && wanted.allSatisfy { abs(actual[$0.key]! - $0.value) <= tolerance }
    }

    @Test func degreeBetweennessAndClosenessMatchNetworkx() {
        let network = Self.network
        #expect(Self.matches(network.degree(), "degree"))
        #expect(Self.matches(network.betweenness(), "betweenness_normalized"))
        #expect(Self.matches(network.betweenness(normalized: false), "betweenness_raw"))
        #expect(Self.matches(network.closeness(), "closeness"))
    }

    /// Joint projects as strength: distance 1 / weight. Gemeente becomes the broker, RegioZwolle drops to 0.
    @Test func weightedBetweennessMatchesNetworkx() {
        #expect(Self.matches(Self.network.betweenness(weighted: true), "betweenness_weighted_distance_1_over_w"))
    }

    @Test func topThreeTieBreakByName() {
        let network = Self.network
        let top3 = (Self.oracle["expected"] as! [String: Any])["top3"] as! [String: [String]]
        let top = { (values: [String: Double]) in
            values.sorted { $0.value == $1.value ? $0.key < $1.key : $0.value > $1.value }.prefix(3).map(\.key)
        }
        #expect(top(network.degree()) == top3["degree"])
        #expect(top(network.betweenness()) == top3["betweenness"])
        #expect(top(network.eigenvector()) == top3["eigenvector"])
    }

    /// METHODS.md: eigenvector values within 1e-6 (networkx's power iteration stops at that tolerance).
    @Test func eigenvectorMatchesNetworkx() {
        let network = Self.network
        #expect(Self.matches(network.eigenvector(), "eigenvector", tolerance: 1e-6))
        #expect(Self.matches(network.eigenvector(weighted: true), "eigenvector_weighted", tolerance: 1e-6))
    }
}
