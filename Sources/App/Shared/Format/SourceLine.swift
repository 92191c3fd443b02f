/// The pieces of the source line under every chart and table ("Bron: register <jaar>, bewerking Vliegwiel").
enum SourceLine {
    /// "Bron: synthetisch demoregister 2015 en 2025": the register, and the years shown if any.
    static func register(isDemo: Bool, years: [Int] = []) -> String {
        let register = isDemo ? localized("synthetisch demoregister", "synthetic demo register")
                              : localized("vestigingenregister", "register of establishments")
        let yearList = years.map(String.init).joined(separator: localized(" en ", " and "))
        return localized("Bron: ", "Source: ") + register + (yearList.isEmpty ? "" : " " + yearList)
    }

    static var processed: String { localized("bewerking Vliegwiel", "processed by Vliegwiel") }
}
