import Foundation
import Markup

/// A goal's course as SVG over days: the straight trajectory from baseline to target (dashed), the
/// frozen measurements (points joined by a line) and today's value (an open point), each point with
/// a `<title>` tooltip, and the source.
struct TrajectoryChart {
    struct Point {
        let day: CalendarDay
        let value: Double
        let label: String
    }

    let title: String
    let unit: String
    let baseline: Point
    let target: Point
    let measured: [Point]
    let now: Point?
    let source: String

    func svg(id: String) -> Node {
        let width = 400.0, height = 240.0, left = 44.0, right = 16.0, top = 36.0, bottom = 58.0
        let points = [baseline, target] + measured + (now.map { [$0] } ?? [])
        let first = points.map(\.day.dayNumber).min()!, last = max(points.map(\.day.dayNumber).max()!, first + 1)
        let values = points.map(\.value)
        let ticks = BarChart.ticks(from: min(0, values.min()!), to: values.max()!)
        let low = min(values.min()!, ticks.first!), high = max(values.max()!, ticks.last!)
        let x = { (day: CalendarDay) in left + Double(day.dayNumber - first) / Double(last - first) * (width - left - right) }
        let y = { (value: Double) in top + (high - value) / max(high - low, 1e-9) * (height - top - bottom) }
        let format = { (value: Double) in Format.figure(value) }
        var out: [Node] = []
        for tick in ticks {
            out.append(SVG.element("line", ["x1": left, "x2": width - right, "y1": y(tick), "y2": y(tick), "class": "grid"]))
            out.append(SVG.text(format(tick), x: left - 5, y: y(tick) + 4, class: "tick", anchor: "end"))
        }
        // A tick at the start of each year, at most six written.
        let firstYear = baseline.day.year, lastYear = points.map(\.day.year).max()!
        let step = [1, 2, 5, 10].first { (lastYear - firstYear) / $0 <= 5 } ?? 10
        for year in stride(from: firstYear + 1, through: lastYear, by: step) {
            guard let day = CalendarDay("\(year)-01-01"), day.dayNumber > first, day.dayNumber <= last else { continue }
            out.append(SVG.element("line", ["x1": x(day), "x2": x(day), "y1": height - bottom, "y2": height - bottom + 4, "class": "zero"]))
            out.append(SVG.text(String(year), x: x(day), y: height - bottom + 16, class: "tick", anchor: "middle"))
        }
        out.append(SVG.element("line", ["x1": x(baseline.day), "y1": y(baseline.value), "x2": x(target.day), "y2": y(target.value), "class": "reference"],
                               .element(named: "title", .text(localized("Traject: ", "Trajectory: ") + "\(format(baseline.value)) → \(format(target.value)) \(unit)"))))
        // After the deadline the goal stays at its target.
        if last > target.day.dayNumber {
            out.append(SVG.element("line", ["x1": x(target.day), "y1": y(target.value), "x2": width - right, "y2": y(target.value), "class": "reference", "opacity": "0.5"]))
        }
        for point in [baseline, target] {
            out.append(SVG.element("rect", ["x": x(point.day) - 4, "y": y(point.value) - 4, "width": "8", "height": "8", "fill": "#fff", "stroke": "currentColor"],
                                   .element(named: "title", .text("\(point.label): \(format(point.value)) \(unit)"))))
        }
        if measured.count > 1 {
            out.append(SVG.element("polyline", ["points": measured.map { "\(x($0.day)),\(y($0.value))" }.joined(separator: " "),
                                                "fill": "none", "stroke": BarChart.positive, "stroke-width": "2.5"]))
        }
        for point in measured {
            out.append(SVG.element("circle", ["cx": x(point.day), "cy": y(point.value), "r": "4", "fill": BarChart.positive],
                                   .element(named: "title", .text("\(point.label): \(format(point.value)) \(unit)"))))
        }
        if let now {
            out.append(SVG.element("circle", ["cx": x(now.day), "cy": y(now.value), "r": "5", "fill": "#fff", "stroke": BarChart.negative, "stroke-width": "2.5"],
                                   .element(named: "title", .text("\(now.label): \(format(now.value)) \(unit)"))))
        }
        out.append(SVG.text(localized("- - traject  ● vastgelegd  ○ nu", "- - trajectory  ● frozen  ○ now") + " (\(unit))", x: left, y: height - bottom + 34, class: "axis-label"))
        out.append(SVG.text(source, x: 0, y: height - 4, class: "chart-source"))
        return SVG.chart(class: "chart line", width: width, height: height, id: id, title: title,
                         description: "\(title): \(format(baseline.value)) → \(format(target.value)) \(unit), \(baseline.day.text) – \(target.day.text). \(source)", titleY: 16, out)
    }
}
