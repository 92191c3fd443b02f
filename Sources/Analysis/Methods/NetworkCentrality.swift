import Foundation

/// Centrality of organisations in a collaboration network (who works with whom), to find the
/// key players of a cluster. Undirected; edge weights are the number of joint projects.
/// docs/methods.md section 8; oracle: networkx 3.6.1.
public struct CollaborationNetwork: Sendable {
    public let nodes: [String]
    /// Adjacency with weights; `neighbours[i]` lists (node index, weight).
    private let neighbours: [[(node: Int, weight: Double)]]

    public init(nodes: [String], edges: [(String, String, Double)]) {
        self.nodes = nodes
        let index = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1, $0) })
        var neighbours = [[(node: Int, weight: Double)]](repeating: [], count: nodes.count)
        for (a, b, weight) in edges {
            guard let i = index[a], let j = index[b], i != j else { continue }
            neighbours[i].append((j, weight))
            neighbours[j].append((i, weight))
        }
        self.neighbours = neighbours
    }

    private var n: Int { nodes.count }

    private func byName(_ values: [Double]) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: zip(nodes, values))
    }

    /// Degree / (n - 1).
    public func degree() -> [String: Double] {
        byName(neighbours.map { n > 1 ? Double($0.count) / Double(n - 1) : 0 })
    }

    /// Betweenness (Brandes 2001): for every other pair, the share of shortest paths through the
    /// node. Unweighted, every edge has length 1; `weighted`, an edge's length is 1 / weight, so
    /// many joint projects make a short path. Normalised by 2 / ((n-1)(n-2)) unless `normalized`
    /// is false.
    public func betweenness(normalized: Bool = true, weighted: Bool = false) -> [String: Double] {
        var centrality = [Double](repeating: 0, count: n)
        for source in 0..<n {
            // Dijkstra by plain selection (networks of organisations are small), settling nodes in
            // order of distance and counting shortest paths; equal lengths compare exactly, as in networkx.
            var order: [Int] = []
            var predecessors = [[Int]](repeating: [], count: n)
            var paths = [Double](repeating: 0, count: n)
            var distance = [Double](repeating: .infinity, count: n)
            var settled = [Bool](repeating: false, count: n)
            paths[source] = 1
            distance[source] = 0
            while let v = (0..<n).filter({ !settled[$0] && distance[$0] < .infinity }).min(by: { distance[$0] < distance[$1] }) {
                settled[v] = true
                order.append(v)
                for (w, weight) in neighbours[v] where !settled[w] {
                    let length = distance[v] + (weighted ? 1 / weight : 1)
                    if length < distance[w] {
                        distance[w] = length
                        paths[w] = 0
                        predecessors[w] = []
                    }
                    if length == distance[w] {
                        paths[w] += paths[v]
                        predecessors[w].append(v)
                    }
                }
            }
            var dependency = [Double](repeating: 0, count: n)
            while let w = order.popLast() {
                for v in predecessors[w] { dependency[v] += paths[v] / paths[w] * (1 + dependency[w]) }
                if w != source { centrality[w] += dependency[w] }
            }
        }
        // Every unordered pair was counted from both ends.
        let scale = normalized && n > 2 ? 1 / Double((n - 1) * (n - 2)) : 0.5
        return byName(centrality.map { $0 * scale })
    }

    /// Closeness: (n - 1) / the sum of shortest-path lengths to the others (connected graph).
    public func closeness() -> [String: Double] {
        byName((0..<n).map { source in
            var distance = [Int](repeating: -1, count: n)
            distance[source] = 0
            var queue = [source], head = 0
            while head < queue.count {
                let v = queue[head]
                head += 1
                for (w, _) in neighbours[v] where distance[w] < 0 {
                    distance[w] = distance[v] + 1
                    queue.append(w)
                }
            }
            let total = distance.filter { $0 > 0 }.reduce(0, +)
            return total > 0 ? Double(distance.filter { $0 > 0 }.count) / Double(total) : 0
        })
    }

    /// The dominant eigenvector of the adjacency matrix, positive and of unit length, by power
    /// iteration on A + I (which has the same eigenvectors and cannot oscillate).
    public func eigenvector(weighted: Bool = false) -> [String: Double] {
        var x = [Double](repeating: 1 / Double(max(n, 1)).squareRoot(), count: n)
        for _ in 0..<10_000 {
            var next = x
            for v in 0..<n {
                for (w, weight) in neighbours[v] { next[v] += (weighted ? weight : 1) * x[w] }
            }
            let length = next.map { $0 * $0 }.reduce(0, +).squareRoot()
            guard length > 0 else { break }
            next = next.map { $0 / length }
            let change = zip(next, x).map { abs($0 - $1) }.reduce(0, +)
            x = next
            if change < 1e-14 * Double(n) { break }
        }
        return byName(x)
    }
}
