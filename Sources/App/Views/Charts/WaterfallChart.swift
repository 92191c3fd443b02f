import Foundation

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

    func svg(id: String) -> String {
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
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" \
            aria-labelledby="\(id)-title \(id)-desc"><title id="\(id)-title">\(BarChart.escape(title))</title>\
            <desc id="\(id)-desc">\(BarChart.escape("\(title), in \(unit). \(source)"))</desc>\
            <text x="0" y="18" class="chart-title">\(BarChart.escape(title))</text>
            """
        for tick in ticks {
            out += "<line x1=\"\(left)\" x2=\"\(width - right)\" y1=\"\(y(tick))\" y2=\"\(y(tick))\" class=\"grid\"/>"
            out += "<text x=\"\(left - 6)\" y=\"\(y(tick) + 4)\" class=\"tick\" text-anchor=\"end\">\(BarChart.escape(format(tick)))</text>"
        }
        func column(_ index: Int, from: Double, to: Double, colour: String, label: String, value: Double) {
            let x = left + Double(index) * slot + (slot - barWidth) / 2
            let upper = y(max(from, to)), lower = y(min(from, to))
            out += "<rect x=\"\(x)\" y=\"\(upper)\" width=\"\(barWidth)\" height=\"\(max(lower - upper, 0.5))\" fill=\"\(colour)\">"
                + "<title>\(BarChart.escape("\(label): \(format(value)) \(unit)"))</title></rect>"
            out += "<text x=\"\(x + barWidth / 2)\" y=\"\(upper - 4)\" class=\"bar-value\" text-anchor=\"middle\">\(BarChart.escape(format(value)))</text>"
            out += "<text x=\"\(x + barWidth / 2)\" y=\"\(height - bottom + 16)\" class=\"bar-label\" text-anchor=\"middle\">\(BarChart.escape(label))</text>"
        }
        let total = "#555555"
        column(0, from: axisLow, to: start.value, colour: total, label: start.label, value: start.value)
        for (index, step) in steps.enumerated() {
            column(index + 1, from: levels[index], to: levels[index + 1], colour: step.value < 0 ? BarChart.negative : BarChart.positive,
                   label: step.label, value: step.value)
        }
        column(columns - 1, from: axisLow, to: levels.last!, colour: total, label: localized("Eind", "End"), value: levels.last!)
        let axisNote = axisLow > 0 ? localized(" (de as begint bij \(format(axisLow)), niet bij 0)", " (the axis starts at \(format(axisLow)), not at 0)") : ""
        out += "<text x=\"\(left)\" y=\"\(height - bottom + 40)\" class=\"axis-label\">\(BarChart.escape(unit + axisNote))</text>"
        out += "<text x=\"0\" y=\"\(height - 6)\" class=\"chart-source\">\(BarChart.escape(source))</text></svg>"
        return out
    }
}
