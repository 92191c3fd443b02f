/// One thing wrong in an input file, precise enough to find and fix it.
public struct ImportProblem: Sendable, Hashable, CustomStringConvertible {
    /// 1-based; 0 for a problem with the file as a whole (it cannot be read, say).
    public let line: Int
    /// The column's header name, or nil for a problem with the whole line or file.
    public let column: String?
    public let reason: String

    public init(line: Int, column: String?, reason: String) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var description: String {
        if line == 0 { return reason }
        if let column { return "line \(line), column \(column): \(reason)" }
        return "line \(line): \(reason)"
    }
}

/// The problems of a rejected file. Nothing from such a file is used.
public struct ImportRejected: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let problems: [ImportProblem]

    public init(file: String, problems: [ImportProblem]) {
        self.file = file
        self.problems = problems
    }

    /// The first `limit` problems, one a line, and how many there were in all; `consequence`
    /// says what did not happen because of them.
    public func report(limit: Int = 50, consequence: String = "nothing was imported") -> String {
        var lines = ["\(file): \(problems.count) problem\(problems.count == 1 ? "" : "s"); \(consequence)."]
        lines += problems.prefix(limit).map { "  \(file), \($0)" }
        if problems.count > limit { lines.append("  ... and \(problems.count - limit) more") }
        return lines.joined(separator: "\n")
    }

    public var description: String { report() }
}
