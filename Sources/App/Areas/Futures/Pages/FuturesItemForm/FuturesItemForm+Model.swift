import Foundation

/// A new scenario or option, or one changed.
enum FuturesItemForm {
    struct Model: Sendable {
        let kind: FuturesItem.Kind
        /// The key of the item changed; nil for a new one.
        let key: String?
        let input: FuturesItemInput
        let problems: [FieldProblem]
    }
}
