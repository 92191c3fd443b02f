import Foundation

/// A line chart as SVG over years: one series, a value axis with round ticks, a point with a
/// `<title>` tooltip per year, and the source.
struct LineChart {
    let title: String
    let unit: String
    let points: [(year: Int, value: Double)]
    let source: String
    var format: (Double) -> String = { Format.integer(Int($0.rounded())) }

    func svg(id: String) -> String {
        let width = 360.0, height = 220.0, left = 62.0, right = 12.0, top = 36.0, bottom = 52.0
        guard let first = points.first, let last = points.last else { return "" }
        let values = points.map(\.value)
        let ticks = BarChart.ticks(from: values.min()!, to: values.max()!)
        let low = min(values.min()!, ticks.first!), high = max(values.max()!, ticks.last!)
        let x = { (year: Int) in left + Double(year - first.year) / Double(max(last.year - first.year, 1)) * (width - left - right) }
        let y = { (value: Double) in top + (high - value) / max(high - low, 1e-9) * (height - top - bottom) }
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart line" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" \
            aria-labelledby="\(id)-title \(id)-desc"><title id="\(id)-title">\(BarChart.escape(title))</title>\
            <desc id="\(id)-desc">\(BarChart.escape("\(title), in \(unit), \(first.year)-\(last.year). \(source)"))</desc>\
            <text x="0" y="16" class="chart-title">\(BarChart.escape(title))</text>
            """
        for tick in ticks {
            out += "<line x1=\"\(left)\" x2=\"\(width - right)\" y1=\"\(y(tick))\" y2=\"\(y(tick))\" class=\"grid\"/>"
            out += "<text x=\"\(left - 5)\" y=\"\(y(tick) + 4)\" class=\"tick\" text-anchor=\"end\">\(BarChart.escape(format(tick)))</text>"
        }
        for (year, anchor) in [(first.year, "start"), (last.year, "end")] {
            out += "<text x=\"\(x(year))\" y=\"\(height - bottom + 16)\" class=\"tick\" text-anchor=\"\(anchor)\">\(year)</text>"
        }
        let path = points.map { "\(x($0.year)),\(y($0.value))" }.joined(separator: " ")
        out += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(BarChart.positive)\" stroke-width=\"2.5\"/>"
        for point in points {
            out += "<circle cx=\"\(x(point.year))\" cy=\"\(y(point.value))\" r=\"3.5\" fill=\"\(BarChart.positive)\">"
                + "<title>\(BarChart.escape("\(point.year): \(format(point.value)) \(unit)"))</title></circle>"
        }
        out += "<text x=\"\(left)\" y=\"\(height - bottom + 32)\" class=\"axis-label\">\(BarChart.escape(unit))</text>"
        out += "<text x=\"0\" y=\"\(height - 4)\" class=\"chart-source\">\(BarChart.escape(source))</text></svg>"
        return out
    }
}
