/// What every page that shows the synthetic demo says about it.
enum DemoNotice {
    static var text: String {
        localized(
            "Alle bedrijven, banen en vestigingen op deze pagina komen uit een synthetisch, verzonnen register. Het is afgestemd op gepubliceerde kerncijfers van Zwolle, maar het zijn geen echte gegevens.",
            "All companies, jobs and establishments on this page come from a synthetic, made-up register. It is tuned to published key figures of Zwolle, but it is not real data.")
    }
}
