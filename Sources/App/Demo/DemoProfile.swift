import Foundation

/// The calibration of the synthetic demo register: the economy of Zwolle by sector line, the
/// large employers, and the high-growth firms per year. The figures are chosen so that the
/// register reproduces what the Economisch Perspectief publishes (see
/// ../shared/reference/zwolle-strategy.json): 100,290 jobs and 12,241 establishments in 2020,
/// ICT & E-commerce 4,574 jobs in 2019 (+60% in ten years), health +3,000 jobs 2009-2019 with a
/// third at the hospital, 20 fast growers in 2013 and 2018. Everything else is invented.
enum DemoProfile {
    /// A group of SBI codes that grows as one in the demo.
    struct Line: Sendable {
        let key: String
        /// SBI codes establishments in this line get; the first ones most often.
        let codes: [String]
        /// Zwolle's jobs in 2009 and 2019, and its establishments in 2020.
        let jobs2009: Int
        let jobs2019: Int
        let establishments2020: Int
        /// Annual growth of the number of establishments (the rise of the self-employed).
        let establishmentGrowth: Double
        /// Share of jobs that are part-time (under 12 hours a week).
        let partTimeShare: Double
        /// How much more (or less) of this line the rest of the region has per inhabitant.
        let regionFactor: Double
        /// Share of establishments that belong to a chain of several establishments.
        let chainShare: Double

        init(_ key: String, _ codes: [String], jobs2009: Int, jobs2019: Int, establishments2020: Int,
             establishmentGrowth: Double = 0.03, partTime: Double = 0.2, region: Double = 0.5, chains: Double = 0) {
            self.key = key
            self.codes = codes
            self.jobs2009 = jobs2009
            self.jobs2019 = jobs2019
            self.establishments2020 = establishments2020
            self.establishmentGrowth = establishmentGrowth
            self.partTimeShare = partTime
            self.regionFactor = region
            self.chainShare = chains
        }

        /// Annual growth 2009-2019; after 2019 the line keeps growing at 70% of that pace.
        var earlyGrowth: Double { pow(Double(jobs2019) / Double(jobs2009), 0.1) - 1 }
    }

    static let lines: [Line] = [
        Line("A", ["01.13", "01.41", "01.11", "01.47", "01.19", "01.61"], jobs2009: 320, jobs2019: 300, establishments2020: 110, establishmentGrowth: 0.0, partTime: 0.15, region: 14),
        Line("B", ["08.12"], jobs2009: 20, jobs2019: 20, establishments2020: 2, establishmentGrowth: 0, partTime: 0.05, region: 2),
        Line("C-food", ["10.71", "10.89", "11.07", "10.13"], jobs2009: 900, jobs2019: 1000, establishments2020: 60, establishmentGrowth: 0.01, partTime: 0.15, region: 2.2),
        Line("C", ["25.62", "28.29", "22.29", "25.11", "33.12", "31.09", "18.12", "32.50", "28.22", "26.51", "27.12", "20.16", "22.22"], jobs2009: 4300, jobs2019: 4600, establishments2020: 420, establishmentGrowth: 0.015, partTime: 0.05, region: 1.6, chains: 0.02),
        Line("D", ["35.13", "35.14", "35.11"], jobs2009: 850, jobs2019: 1000, establishments2020: 25, establishmentGrowth: 0.02, partTime: 0.05, region: 0.3),
        Line("E", ["38.11", "38.21", "37.00", "36.00"], jobs2009: 480, jobs2019: 520, establishments2020: 20, establishmentGrowth: 0.01, partTime: 0.05, region: 0.8),
        Line("F", ["43.22", "41.20", "43.21", "43.32", "43.34", "43.91", "42.11", "43.99"], jobs2009: 3900, jobs2019: 4100, establishments2020: 1250, establishmentGrowth: 0.035, partTime: 0.05, region: 1.5),
        Line("G45", ["45.20", "45.11", "45.32"], jobs2009: 900, jobs2019: 950, establishments2020: 90, establishmentGrowth: 0.01, partTime: 0.15, region: 1.3, chains: 0.05),
        Line("G46", ["46.69", "46.90", "46.73", "46.39", "46.19", "46.46", "46.47", "46.51"], jobs2009: 3700, jobs2019: 4000, establishments2020: 430, establishmentGrowth: 0.02, partTime: 0.1, region: 1.0, chains: 0.04),
        Line("G47", ["47.11", "47.71", "47.19", "47.52", "47.59", "47.73", "47.64", "47.78", "47.29", "47.62"], jobs2009: 8400, jobs2019: 8800, establishments2020: 1050, establishmentGrowth: 0.01, partTime: 0.45, region: 0.7, chains: 0.12),
        Line("G47.91", ["47.91.8", "47.91.4", "47.91.5", "47.91.2", "47.91.6", "47.91.9", "47.91.1"], jobs2009: 569, jobs2019: 994, establishments2020: 280, establishmentGrowth: 0.08, partTime: 0.25, region: 0.6),
        Line("H49", ["49.41", "49.31", "49.32", "49.42"], jobs2009: 1500, jobs2019: 1650, establishments2020: 110, establishmentGrowth: 0.02, partTime: 0.15, region: 1.6),
        Line("H52", ["52.10", "52.29", "52.24", "52.21"], jobs2009: 700, jobs2019: 900, establishments2020: 45, establishmentGrowth: 0.02, partTime: 0.1, region: 1.2),
        Line("H53", ["53.20", "53.10"], jobs2009: 450, jobs2019: 420, establishments2020: 20, establishmentGrowth: 0.02, partTime: 0.5, region: 0.5),
        Line("I", ["56.10", "56.30", "55.10", "56.21", "56.29"], jobs2009: 3700, jobs2019: 4500, establishments2020: 560, establishmentGrowth: 0.02, partTime: 0.5, region: 0.9, chains: 0.03),
        Line("J58.1", ["58.14", "58.13", "58.19"], jobs2009: 380, jobs2019: 330, establishments2020: 30, establishmentGrowth: 0.01, partTime: 0.15, region: 0.3),
        Line("J58.2", ["58.29", "58.21"], jobs2009: 250, jobs2019: 420, establishments2020: 40, establishmentGrowth: 0.05, partTime: 0.05, region: 0.3),
        Line("J59-60", ["59.11", "59.12", "60.10", "59.20"], jobs2009: 250, jobs2019: 300, establishments2020: 70, establishmentGrowth: 0.04, partTime: 0.15, region: 0.3),
        Line("J61", ["61.90", "61.10", "61.20"], jobs2009: 300, jobs2019: 310, establishments2020: 12, establishmentGrowth: 0.01, partTime: 0.05, region: 0.3),
        Line("J62", ["62.01", "62.02", "62.09", "62.03"], jobs2009: 1400, jobs2019: 2270, establishments2020: 620, establishmentGrowth: 0.05, partTime: 0.05, region: 0.35),
        Line("J63", ["63.11", "63.12", "63.99", "63.91"], jobs2009: 340, jobs2019: 580, establishments2020: 110, establishmentGrowth: 0.05, partTime: 0.1, region: 0.3),
        Line("K", ["66.19", "64.19", "65.12", "66.22", "64.92", "66.30"], jobs2009: 3800, jobs2019: 3500, establishments2020: 230, establishmentGrowth: 0.01, partTime: 0.1, region: 0.25, chains: 0.1),
        Line("L", ["68.20", "68.31", "68.10"], jobs2009: 700, jobs2019: 800, establishments2020: 280, establishmentGrowth: 0.03, partTime: 0.2, region: 0.6),
        Line("M", ["70.22", "69.20", "71.12", "74.10", "69.10", "73.11", "71.11", "72.19", "70.10", "74.90", "75.00", "71.20", "73.20", "72.11"], jobs2009: 7800, jobs2019: 9900, establishments2020: 3000, establishmentGrowth: 0.045, partTime: 0.1, region: 0.45, chains: 0.02),
        Line("N", ["78.20", "81.21", "82.11", "78.10", "82.20", "80.10", "77.11", "79.11", "82.99", "81.30"], jobs2009: 7500, jobs2019: 9000, establishments2020: 900, establishmentGrowth: 0.035, partTime: 0.3, region: 0.45, chains: 0.06),
        Line("O", ["84.11", "84.12", "84.13", "84.23", "84.24", "84.25", "84.30"], jobs2009: 7800, jobs2019: 8300, establishments2020: 25, establishmentGrowth: 0, partTime: 0.1, region: 0.35),
        Line("P", ["85.20", "85.31", "85.59", "85.32", "85.51", "85.60", "85.42"], jobs2009: 7200, jobs2019: 8200, establishments2020: 450, establishmentGrowth: 0.03, partTime: 0.2, region: 0.45),
        Line("Q86", ["86.91.2", "86.21", "86.23.1", "86.22.1", "86.91.3", "86.92.1", "86.91.1"], jobs2009: 8600, jobs2019: 10400, establishments2020: 520, establishmentGrowth: 0.03, partTime: 0.3, region: 0.3),
        Line("Q87", ["87.10", "87.30", "87.20", "87.90"], jobs2009: 3400, jobs2019: 4000, establishments2020: 60, establishmentGrowth: 0.01, partTime: 0.45, region: 0.8),
        Line("Q88", ["88.10", "88.91", "88.99"], jobs2009: 3000, jobs2019: 3600, establishments2020: 200, establishmentGrowth: 0.03, partTime: 0.45, region: 0.7),
        Line("R", ["93.13", "90.01", "93.29", "91.01", "93.11", "90.04", "92.00"], jobs2009: 1350, jobs2019: 1500, establishments2020: 420, establishmentGrowth: 0.03, partTime: 0.5, region: 0.8),
        Line("S", ["96.02", "94.99", "95.11", "96.04", "94.91", "96.09", "94.12"], jobs2009: 1900, jobs2019: 2100, establishments2020: 762, establishmentGrowth: 0.03, partTime: 0.35, region: 0.9),
        Line("T", ["97.00"], jobs2009: 40, jobs2019: 50, establishments2020: 40, establishmentGrowth: 0.02, partTime: 0.8, region: 0.8),
    ]

    /// An organisation with 250 or more jobs. Companies are fictional; the public institutions are
    /// named in the strategy and appear in their public role only.
    struct Employer: Sendable {
        let name: String
        let line: String
        let sbi: String
        let founded: Int
        /// Establishments as (municipality, jobs in 2019); the first is the main one.
        let sites: [(municipality: String, jobs2019: Int)]
        /// Annual growth of jobs, the same in every year.
        let growth: Double
    }

    static let zwolle = "GM0193"

    static let employers: [Employer] = [
        Employer(name: "Isala", line: "Q86", sbi: "86.10.2", founded: 1998,
                 sites: [(zwolle, 5800), (zwolle, 200), ("GM0119", 700), ("GM0166", 150), ("GM1708", 110)], growth: 0.0183),
        Employer(name: "GGZ-centrum Vechtoever", line: "Q86", sbi: "86.10.4", founded: 1985, sites: [(zwolle, 600)], growth: 0.01),
        Employer(name: "Zorggroep IJsselhof", line: "Q87", sbi: "87.10", founded: 1972, sites: [(zwolle, 900), (zwolle, 600), ("GM0166", 300)], growth: 0.012),
        Employer(name: "Thuiszorg Salland-Noord", line: "Q88", sbi: "88.10", founded: 1990, sites: [(zwolle, 900)], growth: 0.015),
        Employer(name: "Jeugdhulp Vechtland", line: "Q88", sbi: "88.99", founded: 2001, sites: [(zwolle, 400)], growth: 0.02),
        Employer(name: "Gemeente Zwolle", line: "O", sbi: "84.11", founded: 1950, sites: [(zwolle, 2100)], growth: 0.006),
        Employer(name: "Rijksuitvoeringsdienst Regio Oost", line: "O", sbi: "84.12", founded: 1965, sites: [(zwolle, 1900)], growth: 0.004),
        Employer(name: "Provinciaal Uitvoeringsbureau Vecht-IJssel", line: "O", sbi: "84.11", founded: 1960, sites: [(zwolle, 1100)], growth: 0.005),
        Employer(name: "Waterschap Vechtland", line: "O", sbi: "84.13", founded: 1976, sites: [(zwolle, 500)], growth: 0.005),
        Employer(name: "Veiligheidsregio IJssel-Vecht", line: "O", sbi: "84.25", founded: 1994, sites: [(zwolle, 450)], growth: 0.008),
        Employer(name: "Hogeschool Windesheim", line: "P", sbi: "85.42", founded: 1986, sites: [(zwolle, 2200)], growth: 0.015),
        Employer(name: "Cibap vakschool voor verbeelding", line: "P", sbi: "85.32", founded: 1955, sites: [(zwolle, 350)], growth: 0.01),
        Employer(name: "ArtEZ hogeschool voor de kunsten", line: "P", sbi: "85.42", founded: 1987, sites: [(zwolle, 300)], growth: 0.005),
        Employer(name: "MBO College Salland", line: "P", sbi: "85.32", founded: 1996, sites: [(zwolle, 1200)], growth: 0.012),
        Employer(name: "Scholengroep Vechtdal", line: "P", sbi: "85.31", founded: 1968, sites: [(zwolle, 400), (zwolle, 300)], growth: 0.008),
        Employer(name: "Regiobank Hanzestad", line: "K", sbi: "64.19", founded: 1952, sites: [(zwolle, 600)], growth: -0.02),
        Employer(name: "Hanze Leven Verzekeringen", line: "K", sbi: "65.12", founded: 1934, sites: [(zwolle, 900)], growth: -0.01),
        Employer(name: "Zorgverzekeraar Noordoost", line: "K", sbi: "65.12", founded: 1948, sites: [(zwolle, 1200)], growth: 0.0),
        Employer(name: "Uitzendgroep Thorbecke", line: "N", sbi: "78.20", founded: 1978, sites: [(zwolle, 1800)], growth: 0.02),
        Employer(name: "Schoonmaakbedrijf Glansrijk", line: "N", sbi: "81.21", founded: 1983, sites: [(zwolle, 900)], growth: 0.015),
        Employer(name: "Klantcontact Noord", line: "N", sbi: "82.20", founded: 2004, sites: [(zwolle, 600)], growth: 0.02),
        Employer(name: "Beveiligingsdienst Oostkust", line: "N", sbi: "80.10", founded: 1991, sites: [(zwolle, 300)], growth: 0.01),
        Employer(name: "Ingenieursbureau Vechtstede", line: "M", sbi: "71.12", founded: 1963, sites: [(zwolle, 500)], growth: 0.02),
        Employer(name: "Accountantskantoor IJsseldelta", line: "M", sbi: "69.20", founded: 1958, sites: [(zwolle, 400)], growth: 0.01),
        Employer(name: "Spoorzone Digital Services", line: "J62", sbi: "62.02", founded: 1999, sites: [(zwolle, 450)], growth: 0.045),
        Employer(name: "Webwarenhuis Noord", line: "G47.91", sbi: "47.91.9", founded: 1995, sites: [(zwolle, 420)], growth: 0.05),
        Employer(name: "Supermarkten Vers & Dichtbij", line: "G47", sbi: "47.11", founded: 1961,
                 sites: [(zwolle, 80), (zwolle, 70), (zwolle, 75), (zwolle, 60), (zwolle, 65), (zwolle, 70), (zwolle, 55), (zwolle, 60), (zwolle, 75), (zwolle, 60)], growth: 0.008),
        Employer(name: "Polymeertechniek Hessenpoort", line: "C", sbi: "22.29", founded: 1971, sites: [(zwolle, 450)], growth: 0.012),
        Employer(name: "Machinefabriek De Vecht", line: "C", sbi: "28.29", founded: 1929, sites: [(zwolle, 600)], growth: 0.008),
        Employer(name: "Voedingsbedrijf De Ketel", line: "C-food", sbi: "10.89", founded: 1946, sites: [(zwolle, 500)], growth: 0.01),
        Employer(name: "Distributiecentrum Hessenpoort", line: "H52", sbi: "52.10", founded: 2005, sites: [(zwolle, 700)], growth: 0.03),
        Employer(name: "Transportgroep Noordveen", line: "H49", sbi: "49.41", founded: 1957, sites: [(zwolle, 400)], growth: 0.01),
        Employer(name: "Streekvervoer IJssel-Vecht", line: "H49", sbi: "49.31", founded: 1927, sites: [(zwolle, 450)], growth: 0.005),
        Employer(name: "Sorteercentrum Post Noordoost", line: "H53", sbi: "53.10", founded: 1980, sites: [(zwolle, 350)], growth: -0.01),
        Employer(name: "Technische Groothandel Salland", line: "G46", sbi: "46.69", founded: 1949, sites: [(zwolle, 350)], growth: 0.01),
        Employer(name: "Netbeheer Oost-Nederland", line: "D", sbi: "35.13", founded: 1999, sites: [(zwolle, 500)], growth: 0.015),
        Employer(name: "Energiebedrijf IJsseldelta", line: "D", sbi: "35.14", founded: 2002, sites: [(zwolle, 300)], growth: 0.015),
        Employer(name: "Bouwgroep Stadshagen", line: "F", sbi: "41.20", founded: 1962, sites: [(zwolle, 400)], growth: 0.005),
        Employer(name: "Uitgeverij Vechtoever", line: "J58.1", sbi: "58.13", founded: 1911, sites: [(zwolle, 250)], growth: -0.01),
    ]

    /// Designated high-growth firms per end year t, in Zwolle and in the rest of Regio Zwolle
    /// (the strategy: 20 in Zwolle for 2013 and 2018; 65 and 120 in the region as a whole).
    static let highGrowthZwolle: [Int: Int] = [
        2012: 17, 2013: 20, 2014: 18, 2015: 16, 2016: 18, 2017: 19, 2018: 20,
        2019: 21, 2020: 19, 2021: 22, 2022: 23, 2023: 24, 2024: 25, 2025: 26,
    ]
    static let highGrowthRestOfRegion: [Int: Int] = [
        2012: 40, 2013: 45, 2014: 55, 2015: 65, 2016: 78, 2017: 90, 2018: 100,
        2019: 104, 2020: 96, 2021: 105, 2022: 110, 2023: 112, 2024: 115, 2025: 118,
    ]
    /// Lines where high-growth firms arise, with how much likelier they are there than their
    /// share of jobs says (young digital firms grow fastest).
    static let highGrowthLines: [(line: String, affinity: Double)] = [
        ("J62", 2), ("J63", 1), ("G47.91", 1), ("M", 1), ("N", 1), ("C", 1), ("C-food", 1), ("F", 1),
        ("H49", 1), ("H52", 1), ("G46", 1), ("I", 1), ("Q88", 1),
    ]

    static let firstYear = 2009
    static let lastYear = 2025

    /// Fragments for fictional company names.
    static let namePlaces = [
        "IJssel", "Vecht", "Sassen", "Hanze", "Salland", "Thorbecke", "Noorder", "Stadshagen", "Zwartewater",
        "Assendorp", "Diezer", "Holtenbroek", "Berkum", "Westenholte", "Hessen", "Spoorzone", "Schelle", "Wipstrik",
        "Veerallee", "Katerveer", "Dijkzicht", "Oosterenk", "Brink", "Esch", "Kamper", "Grote Kerk", "Pelser",
    ]
    static let nameForms = ["B.V.", "B.V.", "V.O.F.", "", "", "Groep", "& Partners", "Holding B.V."]
    /// Words for fictional company names, by SBI section.
    static let nameWords: [String: [String]] = [
        "A": ["Melkveehouderij", "Akkerbouw", "Kwekerij", "Veehouderij"], "B": ["Zandwinning"],
        "C": ["Metaalbewerking", "Maakbedrijf", "Kunststoffen", "Productie", "Bakkerij", "Drukkerij"],
        "D": ["Energie"], "E": ["Recycling", "Afvalbeheer"],
        "F": ["Bouwbedrijf", "Installatietechniek", "Schildersbedrijf", "Timmerwerken", "Dakdekkers"],
        "G": ["Handelsonderneming", "Winkel", "Groothandel", "Autobedrijf", "Webwinkel", "Mode"],
        "H": ["Transport", "Logistiek", "Koeriers", "Taxi"],
        "I": ["Eetcafe", "Restaurant", "Hotel", "Lunchroom", "Brasserie"],
        "J": ["Software", "IT-diensten", "Media", "Digital", "Data", "Webdesign"],
        "K": ["Financieel Advies", "Assurantien", "Hypotheekadvies"], "L": ["Vastgoed", "Makelaardij"],
        "M": ["Advies", "Ingenieursbureau", "Ontwerpstudio", "Consultancy", "Architecten", "Juristen", "Communicatie"],
        "N": ["Services", "Personeelsdiensten", "Facilitair", "Schoonmaak", "Verhuur"],
        "O": ["Uitvoeringsbureau"], "P": ["Opleidingen", "Onderwijs", "Trainingen", "Rijschool"],
        "Q": ["Zorg", "Praktijk", "Fysiotherapie", "Thuiszorg", "Kinderopvang"],
        "R": ["Cultuur", "Sportschool", "Podium"], "S": ["Kapsalon", "Vereniging", "Reparatie", "Schoonheidssalon"],
        "T": ["Huishoudelijke hulp"],
    ]

    /// Synthetic national jobs per SBI section in 2020 and their annual growth, shaped like the
    /// Dutch economy (about 8.7 million jobs) but not CBS figures; labelled as synthetic wherever shown.
    static let nationalJobs2020: [String: (jobs: Int, growth: Double)] = [
        "A": (200_000, -0.005), "B": (9_000, -0.02), "C": (820_000, 0.002), "D": (33_000, 0.01), "E": (42_000, 0.008),
        "F": (440_000, 0.008), "G": (1_520_000, 0.006), "H": (440_000, 0.01), "I": (520_000, 0.02), "J": (310_000, 0.03),
        "K": (260_000, -0.01), "L": (85_000, 0.005), "M": (650_000, 0.02), "N": (830_000, 0.02), "O": (470_000, 0.004),
        "P": (560_000, 0.01), "Q": (1_310_000, 0.018), "R": (170_000, 0.012), "S": (175_000, 0.008), "T": (9_000, 0.0),
        "U": (1_000, 0.0),
    ]
    static let nationalSource = "synthetisch (demo), geen CBS-cijfers"
}
