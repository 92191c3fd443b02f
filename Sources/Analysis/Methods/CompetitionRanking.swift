/// Places by value, highest first, as league tables give them: standard competition ranking
/// ("1224"), where equal values share the best of their places and the next place skips as many.
public enum CompetitionRanking {
    public struct Entry: Sendable, Equatable {
        public let key: String
        public let value: Double
        /// 1 is the highest value.
        public let rank: Int

        public init(key: String, value: Double, rank: Int) {
            (self.key, self.value, self.rank) = (key, value, rank)
        }
    }

    /// The entries ranked, highest first; ties are listed by key.
    public static func ranked(_ values: [String: Double]) -> [Entry] {
        let sorted = values.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        var entries: [Entry] = []
        entries.reserveCapacity(sorted.count)
        for (index, (key, value)) in sorted.enumerated() {
            let rank = index > 0 && sorted[index - 1].value == value ? entries[index - 1].rank : index + 1
            entries.append(Entry(key: key, value: value, rank: rank))
        }
        return entries
    }
}
