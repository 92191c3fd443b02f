import Markup

/// Records named in a page, each a link to its own page.
enum Links {
    /// "A, B, C", each name a link to `url` with the record's id.
    static func list(_ records: [Named], to url: SiteURL) -> Node {
        .forEach(Array(records.enumerated())) { index, record in
            .group(.if(index > 0, .text(", ")), .a(.href(url.path(record.id)), .text(record.name)))
        }
    }
}
