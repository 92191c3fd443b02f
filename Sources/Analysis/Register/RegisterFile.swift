import Foundation

/// Reads a Register CSV file straight into a `RegisterPanel`, fast enough for the national
/// register (tens of millions of rows). The file is cut into segments that are read in large
/// blocks and parsed in parallel on bytes: no line or field ever becomes a `String`, codes are
/// looked up in flat tables, and only the years asked for are kept.
///
/// Every row is checked against the same rules as `RegisterCSV.read`. When any row fails, the
/// file is read again by `RegisterCSV.read`, which reports every problem with its line and
/// column; the fast reader only has to notice that something is wrong.
public enum RegisterFile {
    public struct Unreadable: Error, CustomStringConvertible {
        public let path: String
        public var description: String { "cannot read \(path)" }
    }

    /// The panel of the register in `path`, keeping only the rows of `years` (all when nil).
    /// Throws `ImportRejected` listing every bad row, or `Unreadable`.
    public static func panel(path: String, rules: RegisterCSV.Rules, keepingYears years: Set<Int>? = nil) async throws -> RegisterPanel {
        try await panel(path: path, rules: rules, keepingYears: years, segmentSize: nil)
    }

    /// `segmentSize` lets tests cut small files into many segments.
    static func panel(path: String, rules: RegisterCSV.Rules, keepingYears years: Set<Int>?, segmentSize: Int?) async throws -> RegisterPanel {
        if let panel = try await fastPanel(path: path, rules: rules, keepingYears: years, segmentSize: segmentSize) { return panel }
        // Something is wrong (or unusual): the checked reader says what, or reads it after all.
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
        let records = try RegisterCSV.read(read(path, from: 0, count: size), file: URL(fileURLWithPath: path).lastPathComponent, rules: rules)
        return RegisterPanel(records: records.lazy.filter { years?.contains($0.year) ?? true })
    }

    /// The panel by the fast path, or nil when some row is bad.
    static func fastPanel(path: String, rules: RegisterCSV.Rules, keepingYears years: Set<Int>?, segmentSize chosenSize: Int?) async throws -> RegisterPanel? {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw Unreadable(path: path) }
        let size = Int(try handle.seekToEnd())
        try handle.close()
        let head = try read(path, from: 0, count: min(size, 1 << 20))
        guard let layout = Layout(head, rules: rules, keepingYears: years) else {
            return nil
        }

        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let segmentSize = chosenSize ?? min(max((size - layout.headerEnd) / (workers * 8), 1 << 20), 32 << 20)
        let starts = Array(stride(from: layout.headerEnd, to: size, by: segmentSize))
        // Each worker takes every `workers`-th segment and reads it into a buffer of its own.
        let segments = try await withThrowingTaskGroup(of: [(Int, Segment)].self) { group in
            for worker in 0..<min(workers, starts.count) {
                group.addTask {
                    let source = try Source(path: path)
                    return try stride(from: worker, to: starts.count, by: workers).map { index in
                        let begin = starts[index], end = min(begin + segmentSize, size)
                        return (index, try parse(source, layout: layout, size: size, from: begin, to: end, aligned: index == 0))
                    }
                }
            }
            var results = [Segment?](repeating: nil, count: starts.count)
            for try await done in group {
                for (index, segment) in done { results[index] = segment }
            }
            return results.map { $0! }
        }

        // A segment guesses where its first record starts (after the first line break); a quoted
        // field with a line break in it can fool that guess, so check that each segment starts
        // where the one before ended, and parse it again from there when it does not.
        let source = try Source(path: path)
        var joined: [Segment] = []
        var expected = layout.headerEnd
        for (index, segment) in segments.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1] : size
            let checked = segment.begin == expected
                ? segment : try parse(source, layout: layout, size: size, from: expected, to: max(end, expected), aligned: true)
            guard checked.valid else { return nil }
            joined.append(checked)
            expected = checked.end
        }
        if !Segment.areIncreasing(joined) {
            // In no sorted order: collect every key in a second pass and look for repeats.
            var layoutKeepingNothing = layout
            layoutKeepingNothing.keep = layout.keep.map { _ in false }
            let keysOnly = layoutKeepingNothing
            let ranges = joined.map { ($0.begin, $0.end) }
            let keys = try await withThrowingTaskGroup(of: [Int64].self) { group in
                for (begin, end) in ranges {
                    group.addTask {
                        let source = try Source(path: path)
                        return try parse(source, layout: keysOnly, size: size, from: begin, to: end, aligned: true, collectKeys: true).keys
                    }
                }
                return try await group.reduce(into: [Int64]()) { $0 += $1 }
            }.sorted()
            if zip(keys, keys.dropFirst()).contains(where: ==) {
                return nil
            }
        }

        var panel = layout.emptyPanel
        panel.reserveCapacity(joined.reduce(0) { $0 + $1.panel.count })
        for index in joined.indices {
            panel.append(contentsOf: joined[index].panel)
            joined[index].panel = layout.emptyPanel
        }
        return panel
    }

    private static func read(_ path: String, from offset: Int, count: Int) throws -> [UInt8] {
        let source = try Source(path: path)
        return try withExtendedLifetime(source) { Array(try source.bytes(from: offset, count: count)) }
    }

    /// An open register file and a buffer that is reused for every block read from it.
    final class Source {
        private let descriptor: Int32
        private let path: String
        private var buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 0)

        init(path: String) throws {
            descriptor = open(path, O_RDONLY)
            self.path = path
            guard descriptor >= 0 else { throw Unreadable(path: path) }
        }

        deinit {
            close(descriptor)
            buffer.deallocate()
        }

        /// `count` bytes from `offset` (fewer at the end of the file), valid until the next call.
        func bytes(from offset: Int, count: Int) throws -> UnsafeBufferPointer<UInt8> {
            if buffer.count < count {
                buffer.deallocate()
                buffer = .allocate(capacity: count)
            }
            var done = 0
            while done < count {
                let got = pread(descriptor, buffer.baseAddress! + done, count - done, off_t(offset + done))
                guard got >= 0 else { throw Unreadable(path: path) }
                if got == 0 { break }
                done += got
            }
            return UnsafeBufferPointer(rebasing: buffer[0..<done])
        }
    }

    /// Parses the records that start in `begin..<end`. Unless `aligned`, the first record is
    /// taken to start after the first line break at or after `begin`. Reads a little past `end`
    /// for the last record, more if that record is longer.
    private static func parse(
        _ source: Source, layout: Layout, size: Int, from begin: Int, to end: Int, aligned: Bool, collectKeys: Bool = false
    ) throws -> Segment {
        var overhang = 64 << 10
        while true {
            let readStart = aligned ? begin : begin - 1
            let readEnd = min(end + overhang, size)
            let buffer = try source.bytes(from: readStart, count: readEnd - readStart)
            var segment = Segment(panel: layout.emptyPanel)
            let parser = SegmentParser(layout: layout, buffer: buffer, offset: readStart, atEndOfFile: readEnd == size, collectKeys: collectKeys)
            if parser.parse(from: aligned ? begin : parser.startOfNextLine(after: begin - 1), before: end, into: &segment) { return segment }
            overhang *= 4
        }
    }

    /// What the header says about the columns, and the lookup tables for the codes.
    struct Layout: Sendable {
        enum Role: UInt8 {
            case ignored, establishment, enterprise, name, sbi, postcode, municipality, year
            case fullTime, partTime, founded, x, y
            /// One of the four sex-split job columns: full-time men/women, part-time men/women.
            case fullTimePart, partTimePart
        }

        let delimiter: UInt8
        let headerEnd: Int
        let roles: [Role]
        let years: ClosedRange<Int>
        /// Whether rows of a year are kept, by year.
        var keep: [Bool]
        /// 4 when jobs are split by sex (every part must be there), else 0.
        let parts: Int
        /// SBI dictionary number by digit count and value: `sbi[digits * 100_000 + value]`, -1 when unknown.
        let sbi: [Int32]
        /// Municipality dictionary number by CBS number (0193 -> 193), -1 when unknown.
        let municipality: [Int32]
        let emptyPanel: RegisterPanel

        /// nil when the header is not valid (the slow path then reports why).
        init?(_ head: [UInt8], rules: RegisterCSV.Rules, keepingYears wanted: Set<Int>?) {
            var reader = CSVReader(bytes: head)
            var header: [CSVReader.Field] = []
            guard (try? reader.nextRecord(into: &header)) == true, reader.offset < head.count || head.last == .newline else { return nil }
            var columns: [String: Int] = [:]
            for (index, field) in header.enumerated() { columns[reader.string(field).lowercased()] = index }
            let splitBySex = columns["banen_voltijd"] == nil && columns["banen_deeltijd"] == nil
                && RegisterCSV.jobsBySex.allSatisfy { columns[$0] != nil }
            var roles: [String: Role] = [
                "vestigingsnummer": .establishment, "kvk_nummer": .enterprise, "naam": .name, "sbi": .sbi,
                "postcode": .postcode, "gemeente": .municipality, "jaar": .year, "oprichtingsjaar": .founded, "x": .x, "y": .y,
            ]
            if splitBySex {
                roles["voltijd_man"] = .fullTimePart
                roles["voltijd_vrouw"] = .fullTimePart
                roles["deeltijd_man"] = .partTimePart
                roles["deeltijd_vrouw"] = .partTimePart
            } else {
                roles["banen_voltijd"] = .fullTime
                roles["banen_deeltijd"] = .partTime
            }
            let required = ["vestigingsnummer", "kvk_nummer", "naam", "sbi", "gemeente", "jaar"]
                + (splitBySex ? RegisterCSV.jobsBySex : ["banen_voltijd", "banen_deeltijd"])
            guard required.allSatisfy({ columns[$0] != nil }) else { return nil }
            var byField = [Role](repeating: .ignored, count: header.count)
            for (name, index) in columns { byField[index] = roles[name] ?? .ignored }

            parts = splitBySex ? 4 : 0
            delimiter = reader.delimiter
            headerEnd = reader.offset
            self.roles = byField
            years = rules.years
            keep = (0...rules.years.upperBound).map { wanted?.contains($0) ?? true }

            let dotted = Set(rules.sbiCodes.values).sorted()
            let numbers = Dictionary(uniqueKeysWithValues: dotted.enumerated().map { ($1, Int32($0)) })
            var sbi = [Int32](repeating: -1, count: 6 * 100_000)
            for (digits, code) in rules.sbiCodes {
                guard (1...5).contains(digits.utf8.count), let value = Int(digits) else { continue }
                sbi[digits.utf8.count * 100_000 + value] = numbers[code]!
            }
            let codes = rules.municipalities.sorted()
            var municipality = [Int32](repeating: -1, count: 10_000)
            for (index, code) in codes.enumerated() {
                if let number = Int(code.dropFirst(2)), (0..<10_000).contains(number) { municipality[number] = Int32(index) }
            }
            self.sbi = sbi
            self.municipality = municipality
            emptyPanel = RegisterPanel(sbiCodes: dotted, municipalityCodes: codes)
        }
    }

    /// The records of one segment, and what is needed to check it joins up with its neighbours.
    struct Segment: Sendable {
        var panel: RegisterPanel
        /// Absolute offsets of the first record and just past the last one.
        var begin = 0
        var end = 0
        var valid = true
        /// Establishment-and-year keys of the first and last row, in the two orders a register
        /// is usually sorted in (by establishment then year, or by year then establishment),
        /// and whether the rows were strictly increasing in that order.
        var first: (byEstablishment: Int64, byYear: Int64)?
        var last: (byEstablishment: Int64, byYear: Int64)?
        var increasingByEstablishment = true
        var increasingByYear = true
        /// Every row's establishment-and-year key, when asked for.
        var keys: [Int64] = []

        /// Whether the rows are strictly increasing in one of the two orders, which proves that no
        /// establishment has two rows for one year (adjacent repeats were already caught).
        static func areIncreasing(_ segments: [Segment]) -> Bool {
            func increasing(_ flag: KeyPath<Segment, Bool>, _ key: (Int64, Int64) -> Int64) -> Bool {
                var previous = Int64.min
                for segment in segments {
                    guard segment[keyPath: flag] else { return false }
                    guard let first = segment.first, let last = segment.last else { continue }
                    guard key(first.0, first.1) > previous else { return false }
                    previous = key(last.0, last.1)
                }
                return true
            }
            return increasing(\.increasingByEstablishment, { a, _ in a }) || increasing(\.increasingByYear, { _, b in b })
        }
    }
}
