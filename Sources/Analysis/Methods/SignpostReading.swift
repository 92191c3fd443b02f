/// A signpost read from its indicator's history: the trend, when the trend reaches the trigger,
/// and a status (quiet, watch, triggered). docs/methods.md section 6; oracle 06.
///
/// - *triggered*: the latest value has reached the trigger (at it or beyond, in the signpost's
///   direction);
/// - *watch*: not yet, but the latest value has reached the early-warning value, or the trend
///   reaches the trigger within `horizon` years of the latest observation;
/// - *quiet*: otherwise.
///
/// The crossing is projected from the latest observation along the trend line's slope (the
/// oracle's "T_obs + (S_obs - threshold) / demand"); a trend moving away from the trigger (or flat)
/// has no crossing.
public struct SignpostReading: Sendable, Equatable {
    public enum Direction: String, Sendable, CaseIterable, Codable {
        /// Triggered when the value rises to the trigger or beyond.
        case rising
        /// Triggered when the value falls to the trigger or below.
        case falling
    }

    public enum Status: String, Sendable, CaseIterable, Codable {
        case quiet, watch, triggered
    }

    /// The latest observation.
    public let value: Double
    public let time: Double
    /// Change per year of the least-squares line through the observations (nil with fewer than
    /// two observations at different times).
    public let slope: Double?
    /// When (a fractional year) the trend reaches the trigger; nil when it does not head there.
    /// Equal to `time` when the trigger has been reached.
    public let crossing: Double?
    public let status: Status

    /// Years ahead in which a projected crossing counts as "watch".
    public static let horizon = 2.0

    /// `times` as fractional years, ascending or not; at least one observation.
    public init(times: [Double], values: [Double], direction: Direction, trigger: Double, warning: Double? = nil) {
        precondition(!times.isEmpty && times.count == values.count, "one value per time, at least one")
        let latest = times.indices.max { times[$0] < times[$1] }!
        let (value, time) = (values[latest], times[latest])
        let slope = AdaptivePathways.Trend(years: times, values: values)?.slope
        let sign = direction == .rising ? 1.0 : -1.0
        let reached = { (level: Double) in sign * (value - level) >= 0 }
        (self.value, self.time, self.slope) = (value, time, slope)
        if reached(trigger) {
            (crossing, status) = (time, .triggered)
            return
        }
        let crossing = slope.flatMap { sign * $0 > 0 ? time + (trigger - value) / $0 : nil }
        let soon = crossing.map { $0 - time <= Self.horizon } ?? false
        self.crossing = crossing
        status = (warning.map(reached) ?? false) || soon ? .watch : .quiet
    }

    /// The warning lies before the trigger in the signpost's direction (or is absent).
    public static func warningFits(_ warning: Double?, trigger: Double, direction: Direction) -> Bool {
        guard let warning else { return true }
        return direction == .rising ? warning < trigger : warning > trigger
    }
}
