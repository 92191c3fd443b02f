import Foundation
import Markup

/// A choropleth map as SVG: areas coloured by their value in five classes, a legend whose
/// classes cover every value, a `<title>` per area, and the map's source. Boundaries come from a
/// GeoJSON file in the app's resources (WGS84; drawn in an equirectangular projection scaled for
/// the latitude, which is accurate enough for a region the size of a province).
struct ChoroplethMap {
    struct Shape: Sendable {
        let code: String
        let name: String
        /// The municipality a postcode area lies in (`gemeentecode`); nil for a municipality.
        let municipality: String?
        /// Rings of (longitude, latitude) points.
        let rings: [[(Double, Double)]]

        /// The area in km² (outer rings minus holes, on a local equirectangular projection: close
        /// enough for a municipality or a postcode area).
        var squareKilometres: Double {
            guard let latitude = rings.first?.first?.1 else { return 0 }
            let kmPerDegreeLat = 111.32, kmPerDegreeLon = 111.32 * cos(latitude * .pi / 180)
            var degrees = 0.0 // the signed shoelace sum: holes run the other way round and subtract
            for ring in rings where ring.count > 2 {
                for index in ring.indices {
                    let a = ring[index], b = ring[(index + 1) % ring.count]
                    degrees += (a.0 * b.1 - b.0 * a.1) / 2
                }
            }
            return abs(degrees) * kmPerDegreeLat * kmPerDegreeLon
        }
    }

    let title: String
    let shapes: [Shape]
    let values: [String: Double]
    let format: (Double) -> String
    let source: String
    /// Where clicking an area leads (the records behind its value), by area code.
    var link: (String) -> String? = { _ in nil }
    /// The areas the page is about, outlined.
    var selected: Set<String> = []
    /// What the values count, for the legend's title and the tooltips ("banen per km²").
    var unit: String? = nil

    /// Sequential ColorBrewer "Blues", readable by colour-blind readers; grey for no data.
    static let palette = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"]
    static let noData = "#d9d9d9"

    /// Five classes of equal width from the lowest to the highest value: the upper bounds.
    var classBounds: [Double] {
        let known = shapes.compactMap { values[$0.code] }
        guard let low = known.min(), let high = known.max() else { return [] }
        return (1...5).map { low + (high - low) * Double($0) / 5 }
    }

    func colour(for value: Double?) -> String {
        let bounds = classBounds
        guard let value, !bounds.isEmpty else { return Self.noData }
        return Self.palette[bounds.firstIndex { value <= $0 + 1e-12 } ?? bounds.count - 1]
    }

    private var noData: String { localized("geen gegevens", "no data") }

    func svg(id: String) -> Node {
        let points = shapes.flatMap { $0.rings.flatMap { $0 } }
        guard let minLon = points.map(\.0).min(), let maxLon = points.map(\.0).max(),
              let minLat = points.map(\.1).min(), let maxLat = points.map(\.1).max() else { return .empty }
        let scaleX = cos((minLat + maxLat) / 2 * .pi / 180)
        let mapWidth = 520.0, top = 34.0
        let scale = mapWidth / max((maxLon - minLon) * scaleX, 1e-9)
        let mapHeight = (maxLat - minLat) * scale
        let width = mapWidth + 230, height = top + max(mapHeight, 200) + 30
        let project = { (point: (Double, Double)) in
            (String(format: "%.1f", (point.0 - minLon) * scaleX * scale), String(format: "%.1f", top + (maxLat - point.1) * scale))
        }
        var out: [Node] = [], labels: [Node] = [], outline: [Node] = []
        for shape in shapes {
            let path = shape.rings.map { ring in
                "M" + ring.map { let (x, y) = project($0); return "\(x),\(y)" }.joined(separator: "L") + "Z"
            }.joined()
            let value = values[shape.code]
            let area = SVG.element("path", ["d": path, "fill": colour(for: value), "stroke": "#ffffff", "stroke-width": "1", "fill-rule": "evenodd",
                                            "data-code": shape.code],
                                   .element(named: "title", .text("\(shape.name): \(value.map { format($0) + (unit.map { " " + $0 } ?? "") } ?? noData)")))
            out.append(SVG.linked(area, to: link(shape.code)))
            if selected.contains(shape.code) {
                outline.append(SVG.element("path", ["d": path, "fill": "none", "class": "selected"]))
            }
            // A name where it fits inside the area's box; the `<title>` names every area anyway.
            if let largest = shape.rings.max(by: { $0.count < $1.count }), !largest.isEmpty {
                let projected = largest.map { ((($0.0 - minLon) * scaleX * scale), top + (maxLat - $0.1) * scale) }
                let xs = projected.map(\.0), ys = projected.map(\.1)
                let label = shape.name.split(separator: " ").count > 1 && shape.name.first!.isNumber ? String(shape.name.prefix(4)) : shape.name
                if (xs.max()! - xs.min()!) > Double(label.count) * 6.5 + 6, (ys.max()! - ys.min()!) > 16 {
                    let centre = (projected.map(\.0).reduce(0, +) / Double(projected.count), projected.map(\.1).reduce(0, +) / Double(projected.count))
                    labels.append(SVG.text(label, x: (centre.0 * 10).rounded() / 10, y: (centre.1 * 10 + 40).rounded() / 10, class: "area-label", anchor: "middle"))
                }
            }
        }
        out += outline + labels
        // Legend: one swatch per class, with its range.
        let legendX = mapWidth + 30
        out.append(SVG.text(localized("Legenda", "Legend") + (unit.map { " (\($0))" } ?? ""), x: legendX, y: top + 10, class: "bar-label"))
        var lower = shapes.compactMap { values[$0.code] }.min() ?? 0
        for (index, bound) in classBounds.enumerated() {
            let y = top + 22 + Double(index) * 24
            out.append(SVG.element("rect", ["x": legendX, "y": y, "width": "18", "height": "18", "fill": Self.palette[index], "stroke": "#555"]))
            out.append(SVG.text("\(format(lower)) \(localized("tot", "to")) \(format(bound))", x: legendX + 26, y: y + 14, class: "tick"))
            lower = bound
        }
        let y = top + 22 + 5 * 24
        out.append(SVG.element("rect", ["x": legendX, "y": y, "width": "18", "height": "18", "fill": Self.noData, "stroke": "#555"]))
        out.append(SVG.text(noData, x: legendX + 26, y: y + 14, class: "tick"))
        out.append(SVG.text(source, x: 0, y: height - 6, class: "chart-source"))
        return SVG.chart(class: "chart map", width: width, height: height, id: id, title: title, description: "\(title). \(source)", titleY: 18, out)
    }

    /// The shapes of a GeoJSON file in the app's `Geo` resources (Polygon and MultiPolygon features
    /// with `statcode` and `statnaam`).
    static func shapes(resource name: String) throws -> [Shape] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "geojson", subdirectory: "Geo") else {
            throw ReferenceDataError.missing("\(name).geojson")
        }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        let features = json?["features"] as? [[String: Any]] ?? []
        return features.compactMap { feature in
            guard let properties = feature["properties"] as? [String: Any], let code = properties["statcode"] as? String,
                  let geometry = feature["geometry"] as? [String: Any], let type = geometry["type"] as? String else { return nil }
            let polygons: [[[[Double]]]]
            switch type {
            case "Polygon": polygons = [(geometry["coordinates"] as? [[[Double]]]) ?? []]
            case "MultiPolygon": polygons = (geometry["coordinates"] as? [[[[Double]]]]) ?? []
            default: return nil
            }
            let rings = polygons.flatMap { $0 }.map { ring in ring.compactMap { $0.count >= 2 ? ($0[0], $0[1]) : nil } }
            return Shape(code: code, name: properties["statnaam"] as? String ?? code, municipality: properties["gemeentecode"] as? String, rings: rings)
        }
    }

    /// The municipalities whose boundaries are shipped (see Resources/Geo/SOURCES.md), read once.
    static let municipalities: [Shape] = (try? shapes(resource: "gemeenten")) ?? []
    /// The four-digit postcode areas whose boundaries are shipped, read once.
    static let postcodeAreas: [Shape] = (try? shapes(resource: "pc4")) ?? []

    /// The shipped boundaries of these municipalities (empty when none are shipped).
    static func municipalities(_ codes: [String]) -> [Shape] {
        municipalities.filter { codes.contains($0.code) }
    }

    /// The shipped postcode areas of a municipality (empty when none are shipped).
    static func postcodeAreas(of municipality: String) -> [Shape] {
        postcodeAreas.filter { $0.municipality == municipality }
    }
}
