import Fluent
import SQLKit

extension DatabaseQuery.Filter {
    /// `lower(column) LIKE '%text%'`: a case-insensitive part match on both databases
    /// (PostgreSQL's LIKE is case-sensitive, SQLite's is not).
    static func contains(_ column: String, _ text: String) -> DatabaseQuery.Filter {
        .sql(SQLBinaryExpression(SQLFunction("lower", args: SQLColumn(column)), .like, SQLBind("%\(text.lowercased())%")))
    }
}
