import Markup

/// The download links under a table: the CSV, and the same for Dutch Excel (semicolons, decimal
/// commas, a byte-order mark), so that "Financiële" and 14,5 open right in either.
enum Downloads {
    /// `csv`: the page's own URL with `formaat=csv`; `label`: what is downloaded ("Download deze tabel").
    static func links(_ csv: String, _ label: String) -> Node {
        .p(.class("downloads"),
           .a(.href(csv), .text(label + localized(" als CSV", " as CSV"))),
           .text(" · "),
           .a(.href(csv.replacingOccurrences(of: "formaat=csv", with: "formaat=excel")), .text(localized("voor Excel", "for Excel"))))
    }
}
