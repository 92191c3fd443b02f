/// A set of municipalities that figures are computed for: one municipality, a region such as
/// Regio Zwolle, a COROP area or a province (the caller resolves those to their members).
public struct Area: Sendable, Hashable {
    public var municipalities: Set<String>

    public init(municipalities: Set<String>) {
        self.municipalities = municipalities
    }

    public static func municipality(_ code: String) -> Area {
        Area(municipalities: [code])
    }
}
