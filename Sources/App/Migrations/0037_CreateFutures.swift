import Fluent

/// Toekomst: scenarios and policy options with the robustness scores, signposts on indicators of
/// the catalogue, and the alerts they raise. The strategy's four scenarios and three options are
/// loaded as the defaults (`FuturesDefaults`).
struct CreateFutures: AsyncMigration {
    var name: String { "0037_CreateFutures" }

    func prepare(on database: Database) async throws {
        try await database.schema("futures_items")
            .id()
            .field("kind", .string, .required)
            .field("key", .string, .required)
            .field("name", .string, .required)
            .field("description", .string, .required)
            .field("assumptions", .string)
            .field("signs", .string)
            .field("position", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "kind", "key")
            .create()
        try await database.schema("robustness_scores")
            .id()
            .field("option_id", .uuid, .required, .references("futures_items", "id", onDelete: .cascade))
            .field("scenario_id", .uuid, .required, .references("futures_items", "id", onDelete: .cascade))
            .field("assessor_user_id", .uuid, .references("users", "id", onDelete: .setNull))
            .field("assessor_person_id", .uuid, .references("people", "id", onDelete: .setNull))
            .field("score", .int, .required)
            .field("rationale", .string, .required)
            .field("scored_on", .string, .required)
            .create()
        try await database.schema("signposts")
            .id()
            .field("name", .string, .required)
            .field("indicator", .string, .required)
            .field("parameters", .string, .required)
            .field("item_id", .uuid, .required, .references("futures_items", "id", onDelete: .cascade))
            .field("direction", .string, .required)
            .field("trigger", .double, .required)
            .field("warning", .double)
            .field("notes", .string)
            .field("status", .string)
            .field("value", .double)
            .field("as_of", .string)
            .field("slope", .double)
            .field("projected_crossing", .string)
            .field("problem", .string)
            .field("evaluated_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema("signpost_alerts")
            .id()
            .field("signpost_id", .uuid, .references("signposts", "id", onDelete: .setNull))
            .field("signpost_name", .string, .required)
            .field("raised_at", .datetime, .required)
            .field("value", .double, .required)
            .field("as_of", .string, .required)
            .field("direction", .string, .required)
            .field("trigger", .double, .required)
            .field("message", .string, .required)
            .field("acknowledged_at", .datetime)
            .field("acknowledged_by_user_id", .uuid, .references("users", "id", onDelete: .setNull))
            .create()
        try await FuturesDefaults.load(on: database)
    }

    func revert(on database: Database) async throws {
        for table in ["signpost_alerts", "signposts", "robustness_scores", "futures_items"] {
            try await database.schema(table).delete()
        }
    }
}

/// The strategy's four scenarios of the future and three policy options (from
/// `zwolle-strategy.json`), described in Vliegwiel's own words: what the robustness test starts
/// from in a new installation. Advisers change or add to them afterwards.
enum FuturesDefaults {
    struct Item {
        let kind: FuturesItem.Kind
        let key: String
        let name: String
        let description: String
        let assumptions: [String]
        let signs: String?
    }

    static let items: [Item] = [
        Item(kind: .scenario, key: "on-the-go", name: "Zwolle on the go",
             description: "Na een reeks crises gaat verdienvermogen voor alles. Mensen en bedrijven kijken naar de korte termijn en hun eigen welvaart; angst voor cyberrisico's remt nieuwe technologie. Schaal en clustering winnen: alleen gespecialiseerde clusters houden stand en grote ruimtegebruikers wijken uit naar de regio.",
             assumptions: ["verdienvermogen eerst, kortetermijndenken", "technologie geremd door cyberangst", "schaalvergroting en clustering", "grote ruimtevragers naar de regio"],
             signs: "Banengroei in enkele gespecialiseerde clusters en krimp elders; meer ruimtevraag van grote bedrijven in de regiogemeenten."),
        Item(kind: .scenario, key: "circulair", name: "Zwolle circulair",
             description: "Milieu en inclusie staan bovenaan de agenda en inwoners sturen meer mee. Productie keert terug naar de regio; technologie dient duurzaamheid, maar niet waar die banen kost. Alles op menselijke en regionale maat.",
             assumptions: ["milieu en inclusie voorop", "reshoring en regionalisering", "technologie voor duurzaamheid, niet ten koste van banen", "menselijke en regionale schaal"],
             signs: "Groei van werk in circulaire en regionale productie; meer kleine vestigingen; banen in de maakindustrie die terugkeren."),
        Item(kind: .scenario, key: "digital-delta", name: "Zwolle Digital Delta",
             description: "Grote techbedrijven en handel bloeien; de winnaar pakt alles. Zorg wordt geautomatiseerd en onderwijs grotendeels virtueel. Specialisatie bepaalt welke sectoren overleven: slimme maakindustrie blijft, grote bedrijven vertrekken naar het buitenland. Digitale vaardigheden zijn onmisbaar.",
             assumptions: ["big tech en bloeiende handel", "winner takes all", "geautomatiseerde zorg, virtueel onderwijs", "slimme maakindustrie blijft, grote bedrijven vertrekken"],
             signs: "Snelle groei van ICT en e-commerce; een groter aandeel banen in kleine gespecialiseerde bedrijven; vertrek van grote vestigingen."),
        Item(kind: .scenario, key: "greentech", name: "Greentech Zwolle",
             description: "Een sociale tweedeling en klimaatontwrichting dwingen tot een ander idee van groei. Technologie wordt op Europese schaal ingezet voor maatschappelijke problemen; de macht van big tech wordt ingeperkt en de deeleconomie draait op blockchain. Kleinschalig, met wegvallende exportmarkten; ICT en creatieve industrie staan sterk en de groei spreidt zich over de regio.",
             assumptions: ["klimaat en tweedeling herdefiniëren groei", "technologie voor maatschappelijke opgaven op Europese schaal", "big tech ingeperkt, deeleconomie", "exportmarkten vallen weg, groei over de regio gespreid"],
             signs: "Groei van ICT en creatieve bedrijven; minder banen die van export afhangen; groei in de regiogemeenten sneller dan in de stad."),
        Item(kind: .option, key: "huidige-voet", name: "Door op huidige voet",
             description: "Het bestaande economische beleid voortzetten, zonder nieuwe keuzes of accenten.",
             assumptions: ["bestaande instrumenten en budgetten", "geen keuze voor bepaalde clusters"], signs: nil),
        Item(kind: .option, key: "stedelijke-economie", name: "Focus op versterken stedelijke economie",
             description: "Inzetten op de kracht van de stad: kennis, zorg, ICT, creatieve bedrijven en diensten, met een aantrekkelijke binnenstad en woon- en werkmilieus voor talent.",
             assumptions: ["groeiclusters in kennisintensieve diensten", "talent aantrekken en vasthouden", "binnenstedelijke werklocaties"], signs: nil),
        Item(kind: .option, key: "industriele-kracht", name: "Vernieuwing vanuit industriële kracht en grootschaligheid",
             description: "Bouwen op de maakindustrie en logistiek: ruimte voor grote bedrijven, schaalvergroting en vernieuwing van de industrie.",
             assumptions: ["ruimte voor grootschalige bedrijvigheid", "innovatie in de maakindustrie", "logistiek als drager"], signs: nil),
    ]

    /// Adds the defaults that are missing (by kind and key); leaves what exists alone.
    static func load(on database: Database) async throws {
        let existing = Set(try await FuturesItem.query(on: database).all().map { "\($0.kind.rawValue):\($0.key)" })
        for (position, item) in items.enumerated() where !existing.contains("\(item.kind.rawValue):\(item.key)") {
            let record = FuturesItem()
            (record.kind, record.key, record.name, record.description) = (item.kind, item.key, item.name, item.description)
            (record.assumptions, record.signs, record.position) = (item.assumptions.joined(separator: "\n"), item.signs, position)
            try await record.create(on: database)
        }
    }
}
