import Markup

/// The parts every list page shares: column headers that sort, and the pages.
enum ListControls {
    /// A column header that orders the list by `column` (the other way round on a second click),
    /// with `aria-sort` on the column the list is ordered by. `link` makes the URL of an order,
    /// with the page's filters.
    /// Figures (`numeric`) and dates (`latestFirst`) are ordered largest or latest first on the first click.
    static func header<Column>(
        _ label: String, _ column: Column, order: ListOrder<Column>, numeric: Bool = false, latestFirst: Bool = false,
        link: (ListOrder<Column>) -> String
    ) -> Node {
        let isCurrent = order.column == column
        let arrow = isCurrent ? (order.descending ? " ↓" : " ↑") : ""
        return .th(.if(numeric, .class("number")), .attribute(named: "scope", value: "col"),
                   .attribute(named: "aria-sort", value: isCurrent ? (order.descending ? "descending" : "ascending") : nil),
                   .a(.href(link(order.sorted(by: column, descendingFirst: numeric || latestFirst))), .text(label + arrow)))
    }

    /// "Pagina 2 van 7" with the links to the previous and next pages; nothing when one page holds all.
    static func pages(page: Int, pageSize: Int, total: Int, link: (Int) -> String) -> Node {
        let count = max(1, (total + pageSize - 1) / pageSize)
        if page > count {
            return .nav(.class("pages"), .ariaLabel(localized("Pagina's", "Pages")),
                        .text(localized("Pagina \(page) bestaat niet; er zijn er \(count). ", "Page \(page) does not exist; there are \(count). ")),
                        .a(.href(link(count)), .text(localized("Naar de laatste pagina", "To the last page"))))
        }
        guard count > 1 else { return .empty }
        return .nav(.class("pages"), .ariaLabel(localized("Pagina's", "Pages")),
                    .if(page > 1, .a(.href(link(page - 1)), .attribute(named: "rel", value: "prev"), .text(localized("← Vorige", "← Previous")))),
                    .span(.text(localized(" Pagina \(page) van \(count) ", " Page \(page) of \(count) "))),
                    .if(page < count, .a(.href(link(page + 1)), .attribute(named: "rel", value: "next"), .text(localized("Volgende →", "Next →")))))
    }
}
