/// Inhabitants per municipality and year live in the `population` table, each with its source.
/// They are read and written in bulk through `RegisterStore`; these are the source labels.
enum PopulationSource {
    static let cbs = "CBS"
    static let interpolated = "CBS 2019 en 2024; andere jaren geschat op de rechte lijn door die twee (demo)"
    static let imported = "import"
}
