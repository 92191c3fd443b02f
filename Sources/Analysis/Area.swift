/// A set of municipalities that figures are computed for: one municipality, a region such as
/// Regio Zwolle, a COROP area or a province (the caller resolves those to their members); or a
/// place within them, narrowed to postcodes.
public struct Area: Sendable, Hashable {
    public var municipalities: Set<String>
    /// Four-digit postcode areas (`8011`) and full postcodes (`8011AB`) the area is narrowed to;
    /// nil for whole municipalities.
    public var postcodes: Set<String>?

    public init(municipalities: Set<String>, postcodes: Set<String>? = nil) {
        self.municipalities = municipalities
        self.postcodes = postcodes
    }

    public static func municipality(_ code: String) -> Area {
        Area(municipalities: [code])
    }
}
