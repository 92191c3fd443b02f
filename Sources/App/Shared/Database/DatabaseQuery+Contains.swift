import Fluent
import Foundation
import SQLKit

extension DatabaseQuery.Filter {
    /// `lower(column) LIKE '%text%' ESCAPE '\'`: a case-insensitive part match on both databases
    /// (PostgreSQL's LIKE is case-sensitive, SQLite's is not). `%` and `_` in the text are matched
    /// as themselves, not as wildcards.
    static func contains(_ column: String, _ text: String) -> DatabaseQuery.Filter {
        // Control characters (a NUL would end the text for SQLite) are no part of a name.
        let escaped = String(text.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }).lowercased()
            .replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        return .sql(SQLList([SQLFunction("lower", args: SQLColumn(column)), SQLRaw("LIKE"), SQLBind("%\(escaped)%"), SQLRaw("ESCAPE '\\'")],
                            separator: SQLRaw(" ")))
    }
}
