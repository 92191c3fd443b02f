import Foundation
import Markup

/// A line chart as SVG over years: one series, a value axis with round ticks, a point with a
/// `<title>` tooltip per year, and the source.
struct LineChart {
    let title: String
    let unit: String
    let points: [(year: Int, value: Double)]
    let source: String
    var format: (Double) -> String = { Format.integer(Int($0.rounded())) }

    func svg(id: String) -> Node {
        let width = 360.0, height = 220.0, left = 62.0, right = 12.0, top = 36.0, bottom = 52.0
        guard let first = points.first, let last = points.last else { return .empty }
        let values = points.map(\.value)
        // The value axis starts at zero (a line that starts higher would exaggerate the change).
        let ticks = BarChart.ticks(from: min(0, values.min()!), to: values.max()!)
        let low = min(values.min()!, ticks.first!), high = max(values.max()!, ticks.last!)
        let x = { (year: Int) in left + Double(year - first.year) / Double(max(last.year - first.year, 1)) * (width - left - right) }
        let y = { (value: Double) in top + (high - value) / max(high - low, 1e-9) * (height - top - bottom) }
        var out: [Node] = []
        for tick in ticks {
            out.append(SVG.element("line", ["x1": left, "x2": width - right, "y1": y(tick), "y2": y(tick), "class": "grid"]))
            out.append(SVG.text(format(tick), x: left - 5, y: y(tick) + 4, class: "tick", anchor: "end"))
        }
        // Year ticks: every year, or every second or fifth, so that at most six are written.
        let span = last.year - first.year
        let step = [1, 2, 5, 10].first { span / $0 <= 5 } ?? 10
        for year in stride(from: first.year, through: last.year, by: step) {
            out.append(SVG.element("line", ["x1": x(year), "x2": x(year), "y1": height - bottom, "y2": height - bottom + 4, "class": "zero"]))
            out.append(SVG.text(String(year), x: x(year), y: height - bottom + 16, class: "tick",
                                anchor: year == first.year ? "start" : (year == last.year ? "end" : "middle")))
        }
        let path = points.map { "\(x($0.year)),\(y($0.value))" }.joined(separator: " ")
        out.append(SVG.element("polyline", ["points": path, "fill": "none", "stroke": BarChart.positive, "stroke-width": "2.5"]))
        for point in points {
            out.append(SVG.element("circle", ["cx": x(point.year), "cy": y(point.value), "r": "3.5", "fill": BarChart.positive],
                                   .element(named: "title", .text("\(point.year): \(format(point.value)) \(unit)"))))
        }
        out.append(SVG.text(unit, x: left, y: height - bottom + 32, class: "axis-label"))
        out.append(SVG.text(source, x: 0, y: height - 4, class: "chart-source"))
        return SVG.chart(class: "chart line", width: width, height: height, id: id, title: title,
                         description: "\(title), in \(unit), \(first.year)-\(last.year). \(source)", titleY: 16, out)
    }
}
