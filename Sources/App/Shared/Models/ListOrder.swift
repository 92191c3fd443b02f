import Vapor

/// How a list is ordered and which page of it is shown: a column (`sorteer=`), a direction
/// (`volgorde=op|af`) and a page (`pagina=`). Every list page reads these the same way and writes
/// them back into its links together with its filters.
struct ListOrder<Column: RawRepresentable & CaseIterable & Sendable & Hashable>: Sendable, Hashable where Column.RawValue == String {
    enum Direction: String, CaseIterable, Sendable {
        case ascending = "op"
        case descending = "af"
    }

    var column: Column
    var descending: Bool
    var page = 1

    /// The order from the query string; without one, `column` in its `descending` direction.
    /// An unknown column or direction is a 400 naming the parameter and what it can be.
    static func read(_ request: Request, default column: Column, descending: Bool = false) throws -> Self {
        let chosen = try request.choice("sorteer", as: Column.self)
        let direction = try request.choice("volgorde", as: Direction.self)
        return Self(column: chosen ?? column, descending: direction.map { $0 == .descending } ?? (chosen == nil ? descending : false),
                    page: try request.page())
    }

    /// The query parameters that give this order (and this page, unless it is the first).
    var parameters: [(String, String?)] {
        [("sorteer", column.rawValue), ("volgorde", descending ? Direction.descending.rawValue : Direction.ascending.rawValue),
         ("pagina", page > 1 ? String(page) : nil)]
    }

    /// The first page of the list ordered by `column`: the other way round when it is already
    /// ordered by it, else `descendingFirst` (largest or latest first, for figures and dates).
    func sorted(by column: Column, descendingFirst: Bool = false) -> Self {
        Self(column: column, descending: column == self.column ? !descending : descendingFirst, page: 1)
    }

    func page(_ page: Int) -> Self {
        Self(column: column, descending: descending, page: page)
    }

    /// `lhs` before `rhs` in this order; records without a value come last either way.
    func inOrder<Value: Comparable>(_ lhs: Value?, _ rhs: Value?) -> Bool? {
        switch (lhs, rhs) {
        case let (left?, right?): left == right ? nil : (descending ? left > right : left < right)
        case (nil, .some): false
        case (.some, nil): true
        case (nil, nil): nil
        }
    }
}
