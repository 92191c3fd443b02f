import Foundation
import Markup

/// A horizontal bar chart as SVG, drawn on the server: a title, labelled bars (negative values
/// to the left of zero), a value axis with its unit, a `<title>` tooltip on every bar, and a
/// source line. Colours from the Okabe-Ito palette, which colour-blind readers can tell apart.
struct BarChart {
    struct Bar {
        let label: String
        let value: Double
        /// Where a click on the bar leads (the records behind it).
        var link: String?
    }

    let title: String
    let unit: String
    let bars: [Bar]
    let source: String
    var format: (Double) -> String = { Format.integer(Int($0.rounded())) }
    /// A value to mark with a dashed line and its label (a location quotient of 1: as specialised
    /// as the Netherlands).
    var reference: (value: Double, label: String)? = nil

    static let positive = "#0072B2"
    static let negative = "#D55E00"

    private let width = 760.0, labelWidth = 300.0, rowHeight = 24.0, top = 40.0, axisHeight = 46.0

    func svg(id: String) -> Node {
        let low = min(0, bars.map(\.value).min() ?? 0), high = max(0, bars.map(\.value).max() ?? 0, reference?.value ?? 0)
        let ticks = Self.ticks(from: low, to: high)
        let (axisLow, axisHigh) = (min(low, ticks.first ?? 0), max(high, ticks.last ?? 1))
        let plotLeft = labelWidth + 10, plotWidth = width - plotLeft - 70
        let x = { (value: Double) in plotLeft + (value - axisLow) / max(axisHigh - axisLow, 1e-9) * plotWidth }
        let lines = bars.map { Self.wrapped($0.label) }
        let rowHeight = lines.contains { $0.count > 1 } ? 34.0 : self.rowHeight
        let height = top + Double(bars.count) * rowHeight + axisHeight + 24
        let axisY = top + Double(bars.count) * rowHeight + 4
        var out: [Node] = []
        for tick in ticks {
            out.append(SVG.element("line", ["x1": x(tick), "x2": x(tick), "y1": top - 6, "y2": axisY, "class": "grid"]))
            out.append(SVG.text(format(tick), x: x(tick), y: axisY + 16, class: "tick", anchor: "middle"))
        }
        out.append(SVG.text(unit, x: plotLeft + plotWidth / 2, y: axisY + 34, class: "axis-label", anchor: "middle"))
        for (index, bar) in bars.enumerated() {
            let y = top + Double(index) * rowHeight
            let start = x(min(0, bar.value)), end = x(max(0, bar.value))
            let rect = SVG.element("rect", ["x": start, "y": y + 3, "width": max(end - start, 0.5), "height": rowHeight - 6,
                                            "fill": bar.value < 0 ? Self.negative : Self.positive],
                                   .element(named: "title", .text("\(bar.label): \(format(bar.value)) \(unit)")))
            out.append(Self.label(lines[index], x: labelWidth, centre: y + rowHeight / 2))
            out.append(SVG.linked(rect, to: bar.link))
            out.append(SVG.text(format(bar.value), x: end + 4, y: y + rowHeight / 2 + 5, class: "bar-value"))
        }
        out.append(SVG.element("line", ["x1": x(0), "x2": x(0), "y1": top - 6, "y2": axisY, "class": "zero"]))
        if let reference {
            out.append(SVG.element("line", ["x1": x(reference.value), "x2": x(reference.value), "y1": top - 10, "y2": axisY, "class": "reference"]))
            out.append(SVG.text(reference.label, x: x(reference.value), y: top - 14, class: "tick", anchor: "middle"))
        }
        out.append(SVG.text(source, x: 0, y: height - 4, class: "chart-source"))
        return SVG.chart(class: "chart", width: width, height: height, id: id, title: title, description: "\(title), in \(unit). \(source)", titleY: 18, out)
    }

    /// About five round tick values covering the range (1, 2 or 5 times a power of ten apart).
    static func ticks(from low: Double, to high: Double) -> [Double] {
        let span = max(high - low, 1)
        let raw = span / 5, power = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= raw } ?? raw
        let first = floor(low / step) * step, last = ceil(high / step) * step
        return stride(from: first, through: last + step / 2, by: step).map { $0 }
    }

    /// A label in at most two lines of about `length` characters, broken between words; only a
    /// label longer than two lines is cut, and its `<title>` keeps it whole.
    static func wrapped(_ label: String, length: Int = 38) -> [String] {
        guard label.count > length else { return [label] }
        let words = label.split(separator: " ").map(String.init)
        var count = 0
        while count < words.count, (words[..<(count + 1)].joined(separator: " ")).count <= length { count += 1 }
        let first = count == 0 ? String(label.prefix(length)) : words[..<count].joined(separator: " ")
        let second = count == 0 ? String(label.dropFirst(length)) : words[count...].joined(separator: " ")
        return [first, second.count <= length ? second : String(second.prefix(length - 1)) + "…"]
    }

    /// A label of one or two lines, right-aligned at `x`, centred on `centre`.
    private static func label(_ lines: [String], x: Double, centre: Double) -> Node {
        if lines.count == 1 { return SVG.text(lines[0], x: x, y: centre + 5, class: "bar-label", anchor: "end") }
        return .group(SVG.text(lines[0], x: x, y: centre - 2, class: "bar-label", anchor: "end"),
                      SVG.text(lines[1], x: x, y: centre + 12, class: "bar-label", anchor: "end"))
    }
}
