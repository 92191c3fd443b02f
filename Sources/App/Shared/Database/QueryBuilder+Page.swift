import Fluent

extension QueryBuilder {
    /// Page `page` (from 1) of `size` rows.
    func page(_ page: Int, size: Int) -> Self {
        range(((page - 1) * size)..<(page * size))
    }
}
