import Analysis
import Foundation
import Markup

extension CouncilReport {
    /// The chapters in their order: the anchor, and the title as the table of contents and the
    /// PDF's outline name it (the outline gives each chapter's page).
    enum Chapter: String, CaseIterable {
        case summary, economy, goals, clusters, programme, futures, relations, methods

        var number: Int { Chapter.allCases.firstIndex(of: self)! + 1 }

        var title: String {
            let name = switch self {
            case .summary: localized("Samenvatting", "Summary")
            case .economy: localized("Economie", "Economy")
            case .goals: localized("Doelen", "Goals")
            case .clusters: localized("Groeiclusters", "Growth clusters")
            case .programme: localized("Programma", "Programme")
            case .futures: localized("Toekomstverkenning", "Futures")
            case .relations: localized("Relaties in cijfers", "Relations in numbers")
            case .methods: localized("Methoden en bronnen", "Methods and sources")
            }
            return "\(number). \(name)"
        }
    }

    /// The report as one self-contained, print-ready HTML document (A4): styles and SVG charts
    /// inline, nothing loaded from elsewhere. Render inside the report's language.
    struct View {
        let model: Model
        /// Each chapter's first page, once a first printing has shown them (nil: the table of
        /// contents links the chapters without page numbers).
        var pages: [Chapter: Int]? = nil

        private var economy: Economy { model.economy }
        private var date: String { Format.date(model.options.date) }
        private var demoSuffix: String { model.isDemo ? localized(" (demodata)", " (demo data)") : "" }

        func render() -> String {
            Node.document(
                language: model.options.language.rawValue,
                head: .head(
                    .meta(.charset("utf-8")),
                    .meta(.attribute(named: "http-equiv", value: "Content-Security-Policy"), .content(CouncilReport.documentPolicy)),
                    .pageTitle(title),
                    .element(named: "style", .text(stylesheet))
                ),
                body: .body(
                    cover, summary, economyChapter, goalsChapter, clustersChapter, programmeChapter, futuresChapter, relationsChapter, methodsChapter
                ))
        }

        private var title: String {
            localized("Voortgang Economisch Perspectief \(model.areaName)", "Progress of the Economic Perspective, \(model.areaName)")
        }

        /// The print stylesheet. Text in `@page` boxes repeats on every page: the running head,
        /// the page numbers and, for demo data, the demo label.
        private var stylesheet: String {
            let head = CouncilReport.cssString(localized("\(title), peildatum \(date)", "\(title), reporting date \(date)"))
            let demo = model.isDemo ? "@top-right { content: \(CouncilReport.cssString(localized("DEMODATA (synthetisch)", "DEMO DATA (synthetic)"))); color: #8a3b00; font: 700 8pt \"DejaVu Sans\", sans-serif; }" : ""
            let pageOf = localized("\"Pagina \" counter(page) \" van \" counter(pages)", "\"Page \" counter(page) \" of \" counter(pages)")
            return Stylesheet.palette + "\n" + Stylesheet.charts + "\n" + """
            @page { size: A4; margin: 22mm 18mm 20mm 18mm;
              @top-left { content: \(head); color: #4a5560; font: 8pt "DejaVu Sans", sans-serif; }
              \(demo)
              @bottom-center { content: \(pageOf); color: #4a5560; font: 8pt "DejaVu Sans", sans-serif; } }
            * { box-sizing: border-box; }
            body { margin: 0; font: 10pt/1.45 "DejaVu Sans", "Liberation Sans", system-ui, sans-serif; color: var(--ink); }
            h1 { font-size: 22pt; line-height: 1.2; margin: 0 0 6mm; }
            h2 { font-size: 15pt; margin: 0 0 4mm; color: var(--accent); break-after: avoid; }
            h3 { font-size: 11.5pt; margin: 6mm 0 2mm; break-after: avoid; }
            p { margin: 0 0 3mm; }
            section.chapter { break-before: page; }
            .cover { min-height: 230mm; display: flex; flex-direction: column; }
            .cover .lead { font-size: 12pt; color: var(--muted); }
            .demo { border: 2px solid #8a3b00; color: #8a3b00; padding: 3mm; margin: 4mm 0; font-weight: 600; }
            ol.toc { list-style: none; padding: 0; margin: 8mm 0; font-size: 11pt; }
            ol.toc li { display: flex; gap: 2mm; border-bottom: 1px dotted var(--line); padding: 1.5mm 0; }
            ol.toc a { color: var(--ink); text-decoration: none; flex: 1; }
            ol.toc .page { min-width: 10mm; text-align: right; }
            table { border-collapse: collapse; width: 100%; font-size: 9pt; margin: 2mm 0 5mm; }
            thead { display: table-header-group; }
            tr, .chart-block, .figures, .keep { break-inside: avoid; }
            th, td { border-bottom: 1px solid var(--line); padding: 1.2mm 2mm; text-align: left; vertical-align: top; }
            th { background: var(--soft); font-weight: 600; }
            caption { text-align: left; font-weight: 600; padding: 1mm 0; caption-side: top; }
            .number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            .figures { display: grid; grid-template-columns: repeat(4, 1fr); gap: 3mm; margin: 3mm 0 5mm; }
            .figure { border: 1px solid var(--line); padding: 2.5mm; }
            .figure .label { color: var(--muted); font-size: 8.5pt; margin: 0; }
            .figure .value { font-size: 15pt; font-weight: 700; margin: 1mm 0 0; }
            .figure .change { font-size: 8.5pt; margin: 0; }
            .source, .note { color: var(--muted); font-size: 8pt; }
            .chart-block { margin: 2mm 0 4mm; max-width: 150mm; }
            .charts { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm; }
            .charts .chart-block { max-width: none; }
            .chart-block.trajectory { max-width: 105mm; }
            .status { font-weight: 700; white-space: nowrap; }
            .status-met, .status-quiet { color: #1a6b2f; }
            .status-on_track { color: #0b5394; }
            .status-at_risk, .status-watch { color: #8a5a00; }
            .status-off_track, .status-triggered { color: #a51d1d; }
            .status-none { color: var(--muted); }
            a { color: inherit; }
            """
        }

        private var cover: Node {
            .section(.class("cover"),
                .h1(.text(title)),
                .p(.class("lead"), .text(localized("Voortgangsrapportage voor de gemeenteraad en partners, peildatum \(date).",
                                                   "Progress report for the council and partners, reporting date \(date)."))),
                .p(.text(localized("Economie van \(model.areaName), registerjaar \(economy.selection.to); doelen ", "Economy of \(model.areaName), register year \(economy.selection.to); goals ")
                         + (model.goals.isFrozen ? localized("zoals vastgelegd op de peildatum.", "as frozen on the reporting date.")
                                                 : localized("gemeten op de peildatum (nog niet vastgelegd).", "measured on the reporting date (not frozen yet).")))),
                .if(model.isDemo, .p(.class("demo"), .text(localized("Demodata. ", "Demo data. ") + DemoNotice.text))),
                .h2(.text(localized("Inhoud", "Contents"))),
                .ol(.class("toc"), .forEach(Chapter.allCases) { chapter in
                    .li(.a(.href("#\(chapter.rawValue)"), .text(chapter.title)),
                        .span(.class("page"), .text(pages?[chapter].map(String.init) ?? "")))
                }),
                .p(.class("note"), .text(localized("Gemaakt door Vliegwiel op ", "Made by Vliegwiel on ") + Format.moment(model.madeAt) + ".")))
        }

        private func chapter(_ chapter: Chapter, _ content: Node...) -> Node {
            .section(.class("chapter"), .id(chapter.rawValue), .h2(.text(chapter.title)), .group(content))
        }

        private func figure(_ label: String, _ value: String, _ change: String? = nil) -> Node {
            .div(.class("figure"), .p(.class("label"), .text(label)), .p(.class("value"), .text(value)),
                 .unwrap(change) { .p(.class("change"), .text($0)) })
        }

        private func change(from: Int?, to: Int?, since year: Int?) -> String? {
            guard let from, let to, let year else { return nil }
            let relative = Change(from: from, to: to).relative.map { " (\(Format.signedPercent($0)))" } ?? ""
            return Format.signed(to - from) + relative + localized(" sinds \(year)", " since \(year)")
        }

        private func table(_ caption: String, _ headers: [(String, Bool)], _ rows: [[String]]) -> Node {
            .table(.caption(.text(caption)),
                   .thead(.tr(.forEach(headers) { header, isNumber in .th(.if(isNumber, .class("number")), .text(header)) })),
                   .tbody(.forEach(rows) { row in
                       .tr(.forEach(Array(row.enumerated())) { index, cell in .td(.if(headers[index].1, .class("number")), .text(cell)) })
                   }))
        }

        private func source(_ text: String) -> Node {
            .p(.class("source"), .text(localized("Bron: ", "Source: ") + text + demoSuffix))
        }

        // MARK: 1. Summary

        private var summary: Node {
            let (first, last) = (economy.first, economy.last)
            let since = first?.year
            let goals = model.goals
            let end = model.options.date.endOfDay
            let open = model.futures.alerts.filter { $0.acknowledgedAt.map { $0 >= end } ?? true }
            return chapter(.summary,
                .p(.text(localized("De kerncijfers van \(model.areaName) in registerjaar \(economy.selection.to), met de verandering sinds \(since.map(String.init) ?? "–").",
                                   "The key figures of \(model.areaName) in register year \(economy.selection.to), with the change since \(since.map(String.init) ?? "–")."))),
                .div(.class("figures"),
                     figure(localized("Banen", "Jobs"), last.map { Format.integer($0.jobs) } ?? "–", change(from: first?.jobs, to: last?.jobs, since: since)),
                     figure(localized("Vestigingen", "Establishments"), last.map { Format.integer($0.establishments) } ?? "–",
                            change(from: first?.establishments, to: last?.establishments, since: since)),
                     figure(localized("Banen per 1.000 inwoners", "Jobs per 1,000 inhabitants"), last?.jobsPerThousand.map { Format.decimal($0) } ?? "–",
                            first?.jobsPerThousand.map { localized("\(Format.decimal($0)) in \(since!)", "\(Format.decimal($0)) in \(since!)") }),
                     figure(localized("Snelle groeiers", "Fast growers"), last?.fastGrowers.map(Format.integer) ?? "–",
                            localized("OECD, \(economy.selection.to - 3)-\(economy.selection.to)", "OECD, \(economy.selection.to - 3)-\(economy.selection.to)"))),
                source(localized("vestigingenregister, bewerking Vliegwiel", "register of establishments, processed by Vliegwiel")),
                .h3(.text(localized("Doelen op \(date)", "Goals on \(date)"))),
                .p(.text(goals.counts.map { status, count in "\(count) " + (status?.label ?? localized("zonder waarde", "without a value")) }.joined(separator: " · "))),
                table(localized("De doelen met hun status", "The goals with their status"),
                      [(localized("Doel", "Goal"), false), (localized("Waarde", "Value"), true), (localized("Volgens traject", "On the trajectory"), true), (localized("Status", "Status"), false)],
                      goals.goals.map { [$0.title, value($0), Format.figure($0.expected), statusText($0.status)] }),
                .h3(.text(localized("Meldingen", "Alerts"))),
                open.isEmpty
                    ? .p(.text(localized("Geen open meldingen van signalen.", "No open alerts from signposts.")))
                    : .ul(.forEach(open) { alert in .li(.strong(.text(alert.signpostName + ": ")), .text(alert.message)) }))
        }

        private func value(_ measurement: GoalMeasurement) -> String {
            guard let value = measurement.value else { return measurement.problem ?? "–" }
            let unit = Indicator.find(measurement.indicator)?.unit ?? ""
            return Format.figure(value) + (unit.isEmpty ? "" : " " + unit)
        }

        private func statusText(_ status: GoalProgress.Status?) -> String {
            status?.label ?? localized("geen waarde", "no value")
        }

        // MARK: 2. Economy

        private var economyChapter: Node {
            let years = economy.overview.years
            let sectors = economy.sectors, specialisation = economy.specialisation, region = economy.region
            let (from, to) = (economy.selection.from, economy.selection.to)
            let registerSource = localized("vestigingenregister, bewerking Vliegwiel", "register of establishments, processed by Vliegwiel")
            return chapter(.economy,
                .h3(.text(localized("Banen en vestigingen, \(from)-\(to)", "Jobs and establishments, \(from)-\(to)"))),
                .div(.class("charts"),
                     LineChart(title: localized("Banen", "Jobs"), unit: localized("banen", "jobs"), points: years.map { ($0.year, Double($0.jobs)) },
                               source: localized("Bron: ", "Source: ") + registerSource + demoSuffix).svg(id: "report-jobs"),
                     LineChart(title: localized("Vestigingen", "Establishments"), unit: localized("vestigingen", "establishments"),
                               points: years.map { ($0.year, Double($0.establishments)) },
                               source: localized("Bron: ", "Source: ") + registerSource + demoSuffix).svg(id: "report-establishments")),
                table(localized("Kerncijfers per jaar", "Key figures per year"),
                      [(localized("Jaar", "Year"), false), (localized("Banen", "Jobs"), true), (localized("Vestigingen", "Establishments"), true),
                       (localized("Inwoners", "Inhabitants"), true), (localized("Banen per 1.000 inwoners", "Jobs per 1,000 inhabitants"), true),
                       (localized("Snelle groeiers", "Fast growers"), true)],
                      years.map { [String($0.year), Format.integer($0.jobs), Format.integer($0.establishments), $0.inhabitants.map(Format.integer) ?? "–",
                                   $0.jobsPerThousand.map { Format.decimal($0) } ?? "–", $0.fastGrowers.map(Format.integer) ?? "–"] }),
                source(registerSource),
                .h3(.text(localized("Sectoren en hun groei, \(from)-\(to)", "Sectors and their growth, \(from)-\(to)"))),
                table(localized("Banen per SBI-sectie", "Jobs per SBI section"),
                      [(localized("Sectie", "Section"), false), ("\(from)", true), ("\(to)", true), (localized("Verandering", "Change"), true), (localized("Groei", "Growth"), true)],
                      sectors.rows.filter { $0.jobsFrom > 0 || $0.jobsTo > 0 }.map {
                          ["\($0.code) \($0.label.text)", Format.integer($0.jobsFrom), Format.integer($0.jobsTo), Format.signed($0.change), $0.growth.map { Format.signedPercent($0) } ?? "–"]
                      } + [[localized("Totaal", "Total"), Format.integer(sectors.jobsFrom), Format.integer(sectors.jobsTo), Format.signed(sectors.jobsTo - sectors.jobsFrom),
                            Change(from: sectors.jobsFrom, to: sectors.jobsTo).relative.map { Format.signedPercent($0) } ?? "–"]]),
                source(registerSource),
                .h3(.text(localized("Specialisatie in \(to)", "Specialisation in \(to)"))),
                specialisation.nationalSource == nil
                    ? .p(.text(localized("Zonder landelijke banen per sectie is er geen specialisatie te berekenen.", "Without national jobs per section there is no specialisation to compute.")))
                    : .group(
                        .p(.text(localized("Locatiequotiënt: het aandeel van de sectie in de banen van \(model.areaName), gedeeld door dat in Nederland. Boven 1 is \(model.areaName) erin gespecialiseerd.",
                                           "Location quotient: the section's share of the jobs in \(model.areaName), divided by its share in the Netherlands. Above 1, \(model.areaName) is specialised in it."))),
                        table(localized("De sterkst vertegenwoordigde secties", "The most strongly represented sections"),
                              [(localized("Sectie", "Section"), false), (localized("Banen \(to)", "Jobs \(to)"), true), (localized("Locatiequotiënt", "Location quotient"), true)],
                              specialisation.rows.filter { $0.quotient != nil && $0.jobsTo > 0 }.sorted { ($0.quotient!, $1.code) > ($1.quotient!, $0.code) }.prefix(8)
                                .map { ["\($0.code) \($0.label.text)", Format.integer($0.jobsTo), Format.decimal($0.quotient!, digits: 2)] }),
                        .p(.text("Hoover: " + (specialisation.hoover.map { Format.decimal($0, digits: 3) } ?? "–") + " · Krugman: " + (specialisation.krugman.map { Format.decimal($0, digits: 3) } ?? "–"))),
                        source(registerSource + "; " + (specialisation.nationalSource ?? ""))),
                .h3(.text(localized("Snelle groeiers", "Fast growers"))),
                .p(.text(localized("Ondernemingen met minstens 10 banen die drie jaar op rij gemiddeld meer dan 20% per jaar groeiden (OECD), per eindjaar.",
                                   "Enterprises with at least 10 jobs that grew by more than 20% a year on average over three years (OECD), by end year."))),
                table(localized("Snelle groeiers en gazellen per eindjaar", "Fast growers and gazelles by end year"),
                      [(localized("Eindjaar", "End year"), false), (localized("Snelle groeiers", "Fast growers"), true), (localized("Waarvan gazellen", "Of which gazelles"), true)],
                      economy.fastGrowers.trend.filter { $0.year <= to }.suffix(8).map { [String($0.year), Format.integer($0.highGrowth), Format.integer($0.gazelles)] }),
                source(registerSource),
                .h3(.text(localized("Stad en regio, \(region.from)-\(region.to)", "City and region, \(region.from)-\(region.to)"))),
                table(region.title,
                      [(localized("Gebied", "Area"), false), (localized("Banen \(region.from)", "Jobs \(region.from)"), true), (localized("Banen \(region.to)", "Jobs \(region.to)"), true),
                       (localized("Groei", "Growth"), true), (localized("Banen per 1.000 inwoners", "Jobs per 1,000 inhabitants"), true)],
                      ([region.city, region.rest, region.region] + (region.nation.map { [$0] } ?? [])).map {
                          [$0.name.text, Format.integer($0.jobsFrom), Format.integer($0.jobsTo), $0.growth.map { Format.signedPercent($0) } ?? "–", $0.jobsPerThousand.map { Format.decimal($0) } ?? "–"]
                      }),
                source(registerSource))
        }

        // MARK: 3. Goals

        private var goalsChapter: Node {
            let goals = model.goals
            return chapter(.goals,
                .p(.text(goals.isFrozen
                    ? localized("De doelen zoals vastgelegd op \(date): latere imports en wijzigingen veranderen deze meting niet.",
                                "The goals as frozen on \(date): later imports and changes do not change this measurement.")
                    : localized("De doelen gemeten op \(date); de meting is (nog) niet vastgelegd.", "The goals measured on \(date); the measurement has not been frozen (yet)."))),
                goals.goals.isEmpty ? .p(.text(localized("Er zijn nog geen doelen.", "There are no goals yet."))) : .forEach(goals.goals) { goal in goalSection(goal) })
        }

        private func goalSection(_ goal: GoalMeasurement) -> Node {
            let indicator = Indicator.find(goal.indicator)
            let unit = indicator?.unit ?? ""
            let rows = model.goals.rows(of: goal)
            let evidence = GoalSnapshots.evidence(goal.evidence)
            let chart = CalendarDay(goal.baselineDate).flatMap { baseline in CalendarDay(goal.deadline).map { deadline in
                TrajectoryChart(
                    title: localized("Traject en metingen", "Trajectory and measurements"), unit: unit,
                    baseline: .init(day: baseline, value: goal.baselineValue, label: localized("Beginwaarde", "Baseline")),
                    target: .init(day: deadline, value: goal.target, label: localized("Streefwaarde", "Target")),
                    measured: (model.goals.history[goal.goalID] ?? []).map { .init(day: $0.date, value: $0.value, label: Format.date($0.date)) },
                    now: goal.value.map { .init(day: model.options.date, value: $0, label: localized("Peildatum", "Reporting date")) },
                    source: localized("Bron: Vliegwiel, ", "Source: Vliegwiel, ") + (indicator?.name.lowercased() ?? goal.indicator) + demoSuffix)
            } }
            return .div(
                .h3(.text(goal.title)),
                .div(.class("figures"),
                     figure(localized("Waarde", "Value"), value(goal), goal.asOf.map { localized("gegevens van ", "data of ") + GoalFigures.asOf($0) }),
                     figure(localized("Volgens traject", "On the trajectory"), Format.figure(goal.expected)),
                     figure(localized("Doel", "Target"), Format.figure(goal.target), localized("uiterlijk ", "by ") + (CalendarDay(goal.deadline).map(Format.date) ?? goal.deadline)),
                     .div(.class("figure"), .p(.class("label"), .text(localized("Status", "Status"))),
                          .p(.class("value"), .span(.class("status status-\(goal.status?.rawValue ?? "none")"), .text(statusText(goal.status)))))),
                .unwrap(chart) { .div(.class("chart-block trajectory"), $0.svg(id: "report-goal-\(goal.goalKey)")) },
                .if(!rows.isEmpty, table(localized("Per groeicluster", "Per growth cluster"),
                    [(localized("Cluster", "Cluster"), false), (localized("Waarde", "Value"), true), (localized("Status", "Status"), false)],
                    rows.map { [$0.rowLabel, value($0), statusText($0.status)] })),
                .if(!evidence.isEmpty, table(localized("Bewijs: \(evidence.count) records achter de waarde", "Evidence: \(evidence.count) records behind the value")
                                               + (evidence.count > 8 ? localized(" (de eerste 8)", " (the first 8)") : ""),
                    [(localized("Record", "Record"), false)], evidence.prefix(8).map { [$0.label] })))
        }

        // MARK: 4. Clusters

        private var clustersChapter: Node {
            let goal = Cluster.involvementGoal
            return chapter(.clusters,
                .p(.text(localized("Banen en vestigingen per cluster in \(economy.selection.to), de groei sinds \(economy.selection.from), en het aantal organisaties dat op \(date) actief betrokken is (het doel is \(goal) per groeicluster).",
                                   "Jobs and establishments per cluster in \(economy.selection.to), growth since \(economy.selection.from), and the number of organisations actively involved on \(date) (the goal is \(goal) per growth cluster)."))),
                model.clusters.isEmpty ? .p(.text(localized("Er zijn nog geen clusters.", "There are no clusters yet."))) : table(
                    localized("Clusters", "Clusters"),
                    [(localized("Cluster", "Cluster"), false), (localized("Banen", "Jobs"), true), (localized("Groei", "Growth"), true),
                     (localized("Vestigingen", "Establishments"), true), (localized("Locatiequotiënt", "Location quotient"), true),
                     (localized("Actief betrokken", "Actively involved"), true)],
                    model.clusters.map { row in
                        [row.name + (row.isGrowthCluster ? "" : localized(" (geen groeicluster)", " (not a growth cluster)")), Format.integer(row.figures.jobs),
                         row.figures.first.flatMap { first in Change(from: first.jobs, to: row.figures.jobs).relative.map { Format.signedPercent($0) } } ?? "–",
                         Format.integer(row.figures.last?.establishments ?? 0), row.figures.locationQuotient.map { Format.decimal($0, digits: 2) } ?? "–",
                         row.isGrowthCluster ? "\(row.involved) / \(goal)" : String(row.involved)]
                    }),
                .h3(.text(localized("Sleutelspelers", "Key players"))),
                .p(.class("note"), .text(localized("Per cluster de vijf organisaties met de hoogste score in het samenwerkingsnetwerk (banen, groei en verbindingen).",
                                                   "Per cluster the five organisations with the highest score in the collaboration network (jobs, growth and links)."))),
                table(localized("Sleutelspelers per cluster", "Key players per cluster"), [(localized("Cluster", "Cluster"), false), (localized("Organisaties", "Organisations"), false)],
                      model.clusters.map { [$0.name, $0.keyPlayers.isEmpty ? "–" : $0.keyPlayers.joined(separator: ", ")] }),
                source(localized("vestigingenregister en relatieregister, bewerking Vliegwiel", "register of establishments and relations register, processed by Vliegwiel")))
        }

        // MARK: 5. Programme

        private var programmeChapter: Node {
            let programme = model.programme
            return chapter(.programme,
                .p(.text(localized("De projecten in volgorde van de gewogen som van de mediaanscores op de vijf criteria, met de rangorde volgens TOPSIS ernaast.",
                                   "The projects in the order of the weighted sum of the median scores on the five criteria, with the TOPSIS rank beside it."))),
                asMade,
                programme.ranking.isEmpty ? .p(.text(localized("Er zijn nog geen beoordeelde projecten.", "There are no scored projects yet."))) : table(
                    localized("Rangorde van de projecten", "Ranking of the projects"),
                    [("#", true), (localized("Project", "Project"), false), (localized("Fase", "Phase"), false), (localized("Score", "Score"), true), ("TOPSIS", true)],
                    programme.ranking.map { row in
                        [String(row.rank), row.candidate.name, row.candidate.phase.label, Format.decimal(row.score, digits: 3), programme.topsisRanks[row.candidate.id].map(String.init) ?? "–"]
                    }),
                .if(!programme.unscored.isEmpty, .p(.class("note"), .text(localized("Niet gerangschikt: ", "Not ranked: ")
                    + programme.unscored.map { "\($0.name) (\($0.reason))" }.joined(separator: "; ")))),
                .h3(.text(localized("Projecten per fase", "Projects per phase"))),
                table(localized("Projecten per fase", "Projects per phase"), [(localized("Fase", "Phase"), false), (localized("Projecten", "Projects"), true)],
                      programme.byPhase.map { [$0.0.label, String($0.1)] }),
                .h3(.text(programme.since.flatMap(CalendarDay.init).map { localized("Besluiten sinds het vorige rapport (\(Format.date($0)))", "Decisions since the previous report (\(Format.date($0)))") }
                          ?? localized("Besluiten", "Decisions"))),
                programme.decisions.isEmpty ? .p(.text(localized("Geen besluiten in deze periode.", "No decisions in this period."))) : table(
                    localized("Besluiten", "Decisions"), [(localized("Datum", "Date"), false), (localized("Project", "Project"), false), (localized("Besluit", "Decision"), false)],
                    programme.decisions.map { [CalendarDay($0.date).map(Format.date) ?? $0.date, $0.project, $0.decision] }),
                source(localized("het programma in Vliegwiel", "the programme in Vliegwiel")))
        }

        /// For the parts the data keeps no history of (scores, phases, signposts): they are as they were when the report was made.
        private var asMade: Node {
            .p(.class("note"), .text(localized("Scores, fasen en signalen zoals ze waren bij het maken van het rapport (\(Format.date(CalendarDay(model.madeAt)))); besluiten en meldingen tot en met de peildatum.",
                                               "Scores, phases and signposts as they were when the report was made (\(Format.date(CalendarDay(model.madeAt)))); decisions and alerts up to the reporting date.")))
        }

        // MARK: 6. Futures

        private var futuresChapter: Node {
            let futures = model.futures, matrix = futures.matrix
            return chapter(.futures,
                .p(.text(matrix.conclusion())),
                asMade,
                .if(!matrix.options.isEmpty && !matrix.scenarios.isEmpty, table(
                    localized("Mediaanscore van elke beleidsoptie per scenario (\(RobustnessMatrix.scaleText))", "Median score of each policy option per scenario (\(RobustnessMatrix.scaleText))"),
                    [(localized("Beleidsoptie", "Policy option"), false)] + matrix.scenarios.map { ($0.name, true) },
                    matrix.options.indices.map { o in
                        [matrix.options[o].name] + matrix.scenarios.indices.map { s in matrix.cell(o, s).map { Format.decimal($0.median) } ?? "–" }
                    })),
                .h3(.text(localized("Signalen", "Signposts"))),
                futures.signposts.isEmpty ? .p(.text(localized("Er zijn nog geen signalen.", "There are no signposts yet."))) : table(
                    localized("Signalen en hun laatste lezing", "Signposts and their latest reading"),
                    [(localized("Signaal", "Signpost"), false), (localized("Nu", "Now"), true), (localized("Drempel", "Trigger"), true), (localized("Status", "Status"), false)],
                    futures.signposts.map { [$0.name, FuturesFigures.current($0), FuturesFigures.trigger($0), $0.status.map(FuturesFigures.label) ?? localized("niet gelezen", "not read")] }),
                .h3(.text(localized("Meldingen tot en met de peildatum", "Alerts up to the reporting date"))),
                futures.alerts.isEmpty ? .p(.text(localized("Geen meldingen.", "No alerts."))) : table(
                    localized("Meldingen", "Alerts"), [(localized("Gemeld", "Raised"), false), (localized("Signaal", "Signpost"), false), (localized("Melding", "Alert"), false)],
                    futures.alerts.map { [Format.date(CalendarDay($0.raisedAt)), $0.signpostName, $0.message] }),
                .p(.class("note"), .text(FuturesFigures.rules)))
        }

        // MARK: 7. Relations

        private var relationsChapter: Node {
            let relations = model.relations
            let days = { (value: Double?) in value.map { Format.decimal($0) + localized(" dagen", " days") } ?? "–" }
            return chapter(.relations,
                .p(.text(localized("Het werk met ondernemers in aantallen, over de twaalf maanden tot en met \(date). Geen namen van personen.",
                                   "The work with businesses in numbers, over the twelve months up to \(date). No names of people."))),
                .div(.class("figures"),
                     figure(localized("Contactmomenten", "Contact moments"), Format.integer(relations.contactMoments.map(\.1).reduce(0, +))),
                     figure(localized("Organisaties gesproken", "Organisations contacted"), Format.integer(relations.organisationsContacted)),
                     figure(localized("Vragen ontvangen", "Questions received"), Format.integer(relations.questionsReceived)),
                     figure(localized("Open vragen op \(date)", "Open questions on \(date)"), Format.integer(relations.openQuestions))),
                table(localized("Contactmomenten per soort", "Contact moments by kind"), [(localized("Soort", "Kind"), false), (localized("Aantal", "Number"), true)],
                      relations.contactMoments.map { [$0.0.label, Format.integer($0.1)] }),
                table(localized("Afhandeling van vragen", "Handling of questions"),
                      [(localized("Vragen", "Questions"), false), (localized("Aantal", "Number"), true), (localized("Mediaan tot antwoord", "Median to an answer"), true),
                       (localized("Gemiddeld tot antwoord", "Average to an answer"), true), (localized("Mediaan tot afsluiten", "Median to closing"), true)],
                      [[relations.handling.label, Format.integer(relations.handling.count), days(relations.handling.medianDaysToAnswer),
                        days(relations.handling.averageDaysToAnswer), days(relations.handling.medianDaysToClose)]]),
                table(localized("Acquisitie: projecten per fase, bij het maken van het rapport", "Acquisition: projects by stage, when the report was made"),
                      [(localized("Fase", "Stage"), false), (localized("Aantal", "Number"), true)],
                      relations.acquisitions.map { [$0.0.label, Format.integer($0.1)] }),
                source(localized("relatieregister van Vliegwiel", "Vliegwiel's relations register")))
        }

        // MARK: 8. Methods and sources

        private var methodsChapter: Node {
            chapter(.methods,
                .h3(.text(localized("Indicatoren van de doelen", "Indicators of the goals"))),
                model.indicators.isEmpty ? .p(.text("–")) : .dl(.forEach(model.indicators) { indicator in
                    .group(.dt(.strong(.text(indicator.name))), .dd(.text(indicator.definition)))
                }),
                .h3(.text(localized("Methoden", "Methods"))),
                .ul(.forEach(CouncilReport.methods) { .li(.text($0)) }),
                .h3(.text(localized("Bronnen", "Sources"))),
                .ul(.forEach(model.sources) { .li(.text($0)) }),
                .p(.class("note"), .text(localized("Peildatum \(date); registerjaar \(economy.selection.to); gebied \(model.areaName) (\(model.options.area)). Elk cijfer is hetzelfde als op zijn pagina in Vliegwiel op de peildatum.",
                                                   "Reporting date \(date); register year \(economy.selection.to); area \(model.areaName) (\(model.options.area)). Every figure is the same as on its page in Vliegwiel on the reporting date."))))
        }
    }

    /// The methods behind the report's figures, in brief (docs/methods.md has them in full).
    static var methods: [String] {
        [
            localized("Banen zijn voltijd- plus deeltijdbanen van de vestigingen in het gebied; het registerjaar is het laatste jaar tot en met de peildatum.",
                      "Jobs are full-time plus part-time jobs of the establishments in the area; the register year is the latest year up to the reporting date."),
            localized("Specialisatie: locatiequotiënt per SBI-sectie tegen Nederland, met de Hoover- en Krugman-index over alle secties.",
                      "Specialisation: location quotient per SBI section against the Netherlands, with the Hoover and Krugman indices over all sections."),
            localized("Snelle groeiers volgens OECD-Eurostat: minstens 10 banen aan het begin en gemiddeld meer dan 20% groei per jaar over drie jaar; gazellen zijn hooguit vijf jaar oud.",
                      "Fast growers as OECD-Eurostat define them: at least 10 jobs at the start and more than 20% growth a year on average over three years; gazelles are at most five years old."),
            localized("Doelen: de waarde op de peildatum tegen de rechte lijn van beginwaarde naar streefwaarde. Gehaald: de streefwaarde is bereikt; op koers: op of voor de lijn; in gevaar: minder dan \(Format.percent(GoalProgress.tolerance, digits: 0)) van de hele weg achter, vóór de einddatum; anders uit koers.",
                      "Goals: the value on the reporting date against the straight line from baseline to target. Met: the target is reached; on track: on or ahead of the line; at risk: less than \(Format.percent(GoalProgress.tolerance, digits: 0)) of the whole way behind, before the deadline; otherwise off track."),
            localized("Programma: gewogen som van min-max-genormaliseerde mediaanscores en TOPSIS met vectornormalisatie, op vijf criteria.",
                      "Programme: weighted sum of min-max normalised median scores and TOPSIS with vector normalisation, on five criteria."),
            localized("Toekomst: per beleidsoptie de mediaanscore van de beoordelaars in elk scenario, vergeleken met zes robuustheidsmaatstaven (\(RobustnessMatrix.Metric.allCases.map(\.name).joined(separator: ", "))).",
                      "Futures: per policy option the assessors' median score in each scenario, compared with six robustness metrics (\(RobustnessMatrix.Metric.allCases.map(\.name).joined(separator: ", ")))."),
        ]
    }

    /// What the report may load: nothing but its own inline styles (no script, no outside resource,
    /// no form, no frame around it).
    /// The document's own policy (in its head, so it holds wherever the file is opened), and the
    /// one the server sends with it (adding what only a header can say).
    static let documentPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    static let contentSecurityPolicy = documentPolicy + "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    /// A text as a CSS string: in double quotes, keeping only letters, digits, spaces and a few
    /// marks, so nothing can end the string or the style element (a name is never code).
    static func cssString(_ text: String) -> String {
        let allowed = CharacterSet.letters.union(.decimalDigits).union(CharacterSet(charactersIn: " -.,()'/:"))
        return "\"" + String(String.UnicodeScalarView(text.unicodeScalars.filter { allowed.contains($0) })) + "\""
    }
}
