import Foundation
import Markup

/// A network drawn on the server as SVG: nodes on an ellipse in the order given (so the same data
/// always gives the same drawing), their area by a value, their colour by a group, labels outside
/// the ellipse; links under them, thicker for heavier links, dashed for a second kind of link.
/// Every node and link has a `<title>`; a node can link to a page.
struct NetworkChart {
    struct Node {
        let id: String
        let label: String
        /// Scales the node's area (jobs, say); 0 draws the smallest node.
        let size: Double
        /// Index in `legend` (and the palette).
        let group: Int
        let title: String
        var link: String?
    }

    struct Link {
        let first: String
        let second: String
        let weight: Int
        /// Drawn dashed.
        let isSecondary: Bool
        let title: String
    }

    let title: String
    let nodes: [Node]
    let links: [Link]
    /// The label of each group, in palette order.
    let legend: [String]
    /// What the line styles mean.
    let linkLegend: (primary: String, secondary: String)
    let source: String

    /// Okabe-Ito, which colour-blind readers can tell apart.
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9"]

    private let width = 760.0, labelRoom = 205.0, top = 36.0, rowHeight = 18.0

    func svg(id: String) -> Markup.Node {
        // An ellipse with one row per node on each side: down the right half, then up the left, so
        // that no two labels share a line; labels point outwards.
        let rows = (nodes.count + 1) / 2
        // Rows half a row in from the top and bottom: the two sides never meet in one point.
        let radius = (x: (width - 2 * labelRoom) / 2, y: max(Double(rows) * rowHeight / 2, rowHeight))
        let centre = (x: width / 2, y: top + 24 + radius.y)
        let legendY = centre.y + radius.y + 46
        let height = legendY + 46
        let largest = max(nodes.map(\.size).max() ?? 0, 1)
        var position: [String: (x: Double, y: Double, right: Bool)] = [:]
        for (index, node) in nodes.enumerated() {
            let right = index < rows
            let row = right ? index : nodes.count - 1 - index
            let y = centre.y - radius.y + (Double(row) + 0.5) * rowHeight
            let dy = (y - centre.y) / radius.y
            let dx = radius.x * max(1 - dy * dy, 0).squareRoot()
            position[node.id] = (right ? centre.x + dx : centre.x - dx, y, right)
        }
        var out: [Markup.Node] = []
        for link in links {
            guard let a = position[link.first], let b = position[link.second] else { continue }
            out.append(SVG.element("line", ["x1": Self.rounded(a.x), "y1": Self.rounded(a.y), "x2": Self.rounded(b.x), "y2": Self.rounded(b.y),
                                            "class": link.isSecondary ? "network-link secondary" : "network-link",
                                            "stroke-width": Self.rounded(min(1 + Double(link.weight) * 0.5, 6))],
                                   .element(named: "title", .text(link.title))))
        }
        for node in nodes {
            guard let point = position[node.id] else { continue }
            let size = 4 + 12 * (max(node.size, 0) / largest).squareRoot()
            let circle = SVG.element("circle", ["cx": Self.rounded(point.x), "cy": Self.rounded(point.y), "r": Self.rounded(size),
                                                "fill": Self.palette[node.group % Self.palette.count], "class": "network-node"],
                                     .element(named: "title", .text(node.title)))
            out.append(SVG.linked(circle, to: node.link))
            let label = node.label.count > 26 ? String(node.label.prefix(25)) + "…" : node.label
            out.append(SVG.text(label, x: Self.rounded(point.right ? point.x + size + 5 : point.x - size - 5), y: Self.rounded(point.y + 4),
                                class: "node-label", anchor: point.right ? "start" : "end"))
        }
        var x = 0.0
        for (index, label) in legend.enumerated() {
            out.append(SVG.element("circle", ["cx": x + 6, "cy": legendY - 4, "r": 6, "fill": Self.palette[index % Self.palette.count]]))
            out.append(SVG.text(label, x: x + 16, y: legendY, class: "tick"))
            x += 22 + Double(label.count) * 7
        }
        out.append(SVG.element("line", ["x1": 0, "x2": 28, "y1": legendY + 18, "y2": legendY + 18, "class": "network-link", "stroke-width": 2]))
        out.append(SVG.text(linkLegend.primary, x: 34, y: legendY + 22, class: "tick"))
        let secondX = 54 + Double(linkLegend.primary.count) * 7.5
        out.append(SVG.element("line", ["x1": secondX, "x2": secondX + 28, "y1": legendY + 18, "y2": legendY + 18, "class": "network-link secondary", "stroke-width": 2]))
        out.append(SVG.text(linkLegend.secondary, x: secondX + 34, y: legendY + 22, class: "tick"))
        out.append(SVG.text(source, x: 0, y: height - 4, class: "chart-source"))
        return SVG.chart(class: "chart network", width: width, height: height, id: id, title: title,
                         description: "\(title): \(nodes.count) \(localized("organisaties", "organisations")), \(links.count) \(localized("verbindingen", "links")). \(source)",
                         titleY: 18, out)
    }

    private static func rounded(_ value: Double) -> Double { (value * 10).rounded() / 10 }
}
