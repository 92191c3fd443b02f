import Foundation
import Markup

/// A waterfall chart as SVG: a starting total, the steps that add to or take from it, and the
/// end total, each step starting where the previous one ended. Used for the shift-share
/// decomposition of a change in jobs.
struct WaterfallChart {
    struct Step {
        let label: String
        let value: Double
    }

    let title: String
    let unit: String
    let start: (label: String, value: Double)
    let steps: [Step]
    let source: String

    func svg(id: String) -> Node {
        let width = 760.0, height = 360.0, left = 70.0, right = 20.0, top = 40.0, bottom = 70.0
        var levels = [start.value]
        for step in steps { levels.append(levels.last! + step.value) }
        // The axis starts below the lowest level, not at zero, so that the steps can be seen
        // next to totals that are much larger than they are; the chart says so.
        let high = levels.max()!, spread = max(high - levels.min()!, 1)
        let low = max(0, levels.min()! - spread * 0.6)
        let ticks = BarChart.ticks(from: low, to: high)
        let axisLow = min(low, ticks.first ?? 0), axisHigh = max(high, ticks.last ?? 1)
        let y = { (value: Double) in top + (axisHigh - value) / max(axisHigh - axisLow, 1e-9) * (height - top - bottom) }
        let columns = steps.count + 2, slot = (width - left - right) / Double(columns), barWidth = slot * 0.6
        let format = { (value: Double) in Format.integer(Int(value.rounded())) }
        var out: [Node] = []
        for tick in ticks {
            out.append(SVG.element("line", ["x1": left, "x2": width - right, "y1": y(tick), "y2": y(tick), "class": "grid"]))
            out.append(SVG.text(format(tick), x: left - 6, y: y(tick) + 4, class: "tick", anchor: "end"))
        }
        func column(_ index: Int, from: Double, to: Double, colour: String, label: String, value: Double) {
            let x = left + Double(index) * slot + (slot - barWidth) / 2
            let upper = y(max(from, to)), lower = y(min(from, to))
            out.append(SVG.element("rect", ["x": x, "y": upper, "width": barWidth, "height": max(lower - upper, 0.5), "fill": colour],
                                   .element(named: "title", .text("\(label): \(format(value)) \(unit)"))))
            out.append(SVG.text(format(value), x: x + barWidth / 2, y: upper - 4, class: "bar-value", anchor: "middle"))
            out.append(SVG.text(label, x: x + barWidth / 2, y: height - bottom + 16, class: "bar-label", anchor: "middle"))
        }
        let total = "#555555"
        column(0, from: axisLow, to: start.value, colour: total, label: start.label, value: start.value)
        for (index, step) in steps.enumerated() {
            column(index + 1, from: levels[index], to: levels[index + 1], colour: step.value < 0 ? BarChart.negative : BarChart.positive,
                   label: step.label, value: step.value)
        }
        column(columns - 1, from: axisLow, to: levels.last!, colour: total, label: localized("Eind", "End"), value: levels.last!)
        let axisNote = axisLow > 0 ? localized(" (de as begint bij \(format(axisLow)), niet bij 0)", " (the axis starts at \(format(axisLow)), not at 0)") : ""
        out.append(SVG.text(unit + axisNote, x: left, y: height - bottom + 40, class: "axis-label"))
        out.append(SVG.text(source, x: 0, y: height - 6, class: "chart-source"))
        return SVG.chart(class: "chart", width: width, height: height, id: id, title: title, description: "\(title), in \(unit). \(source)", titleY: 18, out)
    }
}
