/// The byte-level parser of one segment of a register file. It applies the rules of
/// `RegisterCSV.read` field by field (see there for the wording of each problem) and stops at the
/// first bad row, marking the segment invalid.
extension RegisterFile {
    struct SegmentParser {
        let layout: Layout
        let buffer: UnsafeBufferPointer<UInt8>
        /// Absolute file offset of `buffer[0]`.
        let offset: Int
        let atEndOfFile: Bool
        /// Collect the establishment-and-year key of every row (for files in no sorted order).
        let collectKeys: Bool

        /// The absolute offset just past the first line break at or after `position`.
        func startOfNextLine(after position: Int) -> Int {
            var index = position - offset
            while index < buffer.count, buffer[index] != .newline { index += 1 }
            return offset + min(index + 1, buffer.count)
        }

        /// The values of the row being parsed; -1 means absent or empty.
        private struct Row {
            var establishment: Int64 = -1
            var enterprise: Int64 = -1
            var named = false
            var sbi: Int32 = -1
            var municipality: Int32 = -1
            var year = -1
            var fullTime = -1
            var partTime = -1
            var founded = -1
            var parts = 0
            var bad = false
        }

        /// Parses the records starting at absolute offsets in `begin..<end` into `segment`.
        /// Returns false when the buffer ends inside the last record (read more and try again).
        func parse(from begin: Int, before end: Int, into segment: inout Segment) -> Bool {
            segment.begin = begin
            var index = begin - offset
            let limit = end - offset
            let count = buffer.count
            let delimiter = layout.delimiter
            var previous: (Int64, Int64)?
            while index < limit, index < count {
                let byte = buffer[index]
                if byte == .newline || byte == .carriageReturn { index += 1; continue }
                var row = Row()
                var field = 0
                // One record: fields up to the line break that is not inside quotes.
                while true {
                    var start = index, stop = index
                    if index < count, buffer[index] == .quote {
                        start = index + 1
                        var cursor = start
                        while true {
                            guard cursor < count else { return incompleteOrUnclosed(&segment) }
                            if buffer[cursor] == .quote {
                                if cursor + 1 < count, buffer[cursor + 1] == .quote { cursor += 2; continue }
                                if cursor + 1 == count, !atEndOfFile { return false }
                                break
                            }
                            cursor += 1
                        }
                        stop = cursor
                        index = cursor + 1
                        while index < count, buffer[index] != delimiter, buffer[index] != .newline { index += 1 }
                    } else {
                        index = endOfField(from: index)
                        stop = index
                        if stop > start, buffer[stop - 1] == .carriageReturn { stop -= 1 }
                    }
                    if index == count, !atEndOfFile { return false }
                    if field < layout.roles.count { read(layout.roles[field], start, stop, into: &row) }
                    field += 1
                    if index < count, buffer[index] == delimiter { index += 1; continue }
                    if index < count { index += 1 }
                    break
                }
                guard let key = finish(&row, into: &segment) else {
                    segment.valid = false
                    return true
                }
                if let (byEstablishment, byYear) = previous {
                    if key.0 == byEstablishment { segment.valid = false; return true }
                    if key.0 < byEstablishment { segment.increasingByEstablishment = false }
                    if key.1 < byYear { segment.increasingByYear = false }
                } else {
                    segment.first = key
                }
                previous = key
            }
            segment.last = previous
            segment.end = offset + min(index, count)
            return true
        }

        /// The index of the first delimiter or line break at or after `start` (or the end of the
        /// buffer), looking at eight bytes at a time: a byte equal to the one sought becomes zero
        /// after an exclusive or, and the lowest zero byte of a word is found with a carry trick.
        @inline(__always)
        private func endOfField(from start: Int) -> Int {
            var index = start
            let count = buffer.count, base = UnsafeRawPointer(buffer.baseAddress!)
            let delimiters = UInt64(layout.delimiter) &* Self.everyByte, newlines = UInt64(UInt8.newline) &* Self.everyByte
            while index + 8 <= count {
                let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let found = Self.zeroBytes(word ^ delimiters) | Self.zeroBytes(word ^ newlines)
                if found != 0 { return index + found.trailingZeroBitCount / 8 }
                index += 8
            }
            while index < count, buffer[index] != layout.delimiter, buffer[index] != .newline { index += 1 }
            return index
        }

        private static let everyByte: UInt64 = 0x0101_0101_0101_0101

        /// The high bit set in (at least) the lowest byte of `word` that is zero.
        @inline(__always)
        private static func zeroBytes(_ word: UInt64) -> UInt64 {
            (word &- everyByte) & ~word & 0x8080_8080_8080_8080
        }

        /// Eight ASCII digits at `index` as a number, or nil when any byte is not a digit
        /// (Lemire's method: check all eight bytes at once, then combine them pairwise).
        @inline(__always)
        private func eightDigits(at index: Int) -> Int64? {
            let word = UnsafeRawPointer(buffer.baseAddress!).loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let high: UInt64 = 0xF0F0_F0F0_F0F0_F0F0
            guard (word & high) | (((word &+ 0x0606_0606_0606_0606) & high) >> 4) == 0x3333_3333_3333_3333 else { return nil }
            var value = ((word & 0x0F0F_0F0F_0F0F_0F0F) &* 2561) >> 8
            value = ((value & 0x00FF_00FF_00FF_00FF) &* 6_553_601) >> 16
            value = ((value & 0x0000_FFFF_0000_FFFF) &* 42_949_672_960_001) >> 32
            return Int64(value)
        }

        private func incompleteOrUnclosed(_ segment: inout Segment) -> Bool {
            guard atEndOfFile else { return false }
            segment.valid = false
            return true
        }

        /// Checks the row as a whole and keeps it when its year is wanted; returns its keys, or nil when bad.
        @inline(__always)
        private func finish(_ row: inout Row, into segment: inout Segment) -> (Int64, Int64)? {
            let years = layout.years
            guard !row.bad, row.establishment >= 0, row.enterprise >= 0, row.named, row.sbi >= 0, row.municipality >= 0,
                  years.contains(row.year), row.fullTime >= 0, row.partTime >= 0, row.parts == layout.parts
            else { return nil }
            if row.founded >= 0, row.founded < 1800 || row.founded > years.upperBound || row.founded > row.year { return nil }
            if layout.keep[row.year] {
                segment.panel.appendEncoded(
                    establishment: row.establishment, enterprise: row.enterprise, year: Int16(row.year),
                    jobsFullTime: Int32(clamping: row.fullTime), jobsPartTime: Int32(clamping: row.partTime),
                    sbi: row.sbi, municipality: row.municipality, founded: Int16(max(row.founded, 0)))
            }
            if collectKeys { segment.keys.append(row.establishment &* 10_000 &+ Int64(row.year)) }
            return (row.establishment &* 10_000 &+ Int64(row.year), Int64(row.year) &* 1_000_000_000_000 &+ row.establishment)
        }

        @inline(__always)
        private func read(_ role: Layout.Role, _ start: Int, _ stop: Int, into row: inout Row) {
            switch role {
            case .ignored: break
            case .establishment: row.establishment = digits(start, stop, length: 12)
            case .enterprise: row.enterprise = digits(start, stop, length: 8)
            case .name: row.named = trimmed(start, stop).isEmpty == false
            case .sbi: row.sbi = sbi(start, stop)
            case .municipality: row.municipality = municipality(start, stop)
            case .postcode: if !isPostcode(start, stop) { row.bad = true }
            case .year: row.year = number(start, stop, &row)
            case .fullTime: row.fullTime = number(start, stop, &row)
            case .partTime: row.partTime = number(start, stop, &row)
            case .fullTimePart: row.fullTime = addPart(row.fullTime, number(start, stop, &row), &row)
            case .partTimePart: row.partTime = addPart(row.partTime, number(start, stop, &row), &row)
            case .founded: row.founded = number(start, stop, &row, optional: true)
            case .x: if !isDecimal(start, stop, in: 0...300_000) { row.bad = true }
            case .y: if !isDecimal(start, stop, in: 289_000...629_000) { row.bad = true }
            }
        }

        /// The range without surrounding spaces and tabs.
        @inline(__always)
        private func trimmed(_ start: Int, _ stop: Int) -> Range<Int> {
            var start = start, stop = stop
            while start < stop, buffer[start] == .space || buffer[start] == .tab { start += 1 }
            while stop > start, buffer[stop - 1] == .space || buffer[stop - 1] == .tab { stop -= 1 }
            return start..<stop
        }

        /// Exactly `length` digits (spaces and tabs around allowed), or -1.
        @inline(__always)
        private func digits(_ start: Int, _ stop: Int, length: Int) -> Int64 {
            // Fast path for the usual untrimmed field of 8 or 12 digits.
            if stop - start == length, length == 8 || length == 12 {
                guard let low = eightDigits(at: stop - 8) else { return -1 }
                guard length == 12 else { return low }
                var high: Int64 = 0
                for index in start..<start + 4 {
                    let digit = buffer[index] &- .zero
                    guard digit < 10 else { return -1 }
                    high = high * 10 + Int64(digit)
                }
                return high * 100_000_000 + low
            }
            let range = trimmed(start, stop)
            guard range.count == length else { return -1 }
            var value: Int64 = 0
            for index in range {
                let digit = buffer[index] &- .zero
                guard digit < 10 else { return -1 }
                value = value * 10 + Int64(digit)
            }
            return value
        }

        /// A non-negative whole number with spaces around, as `CSVReader.unsignedInteger`; -1 when
        /// empty (bad unless `optional`), and the row is bad when it is not a number.
        @inline(__always)
        private func number(_ start: Int, _ stop: Int, _ row: inout Row, optional: Bool = false) -> Int {
            var index = start
            while index < stop, buffer[index] == .space { index += 1 }
            if index == stop {
                if !optional { row.bad = true }
                return -1
            }
            var value = 0, digits = 0
            while index < stop, buffer[index] != .space {
                let digit = buffer[index] &- .zero
                guard digit < 10, digits < 18 else { row.bad = true; return -1 }
                value = value * 10 + Int(digit)
                digits += 1
                index += 1
            }
            while index < stop, buffer[index] == .space { index += 1 }
            if index != stop { row.bad = true; return -1 }
            return value
        }

        @inline(__always)
        private func addPart(_ total: Int, _ part: Int, _ row: inout Row) -> Int {
            row.parts += 1
            return part < 0 ? total : max(total, 0) + part
        }

        /// An SBI code with or without dots (`62.01`, `6201`) that the rules know, or -1.
        @inline(__always)
        private func sbi(_ start: Int, _ stop: Int) -> Int32 {
            var value = 0, digits = 0
            for index in trimmed(start, stop) {
                let byte = buffer[index]
                if byte == UInt8(ascii: ".") { continue }
                let digit = byte &- .zero
                guard digit < 10, digits < 5 else { return -1 }
                value = value * 10 + Int(digit)
                digits += 1
            }
            return digits == 0 ? -1 : layout.sbi[digits * 100_000 + value]
        }

        /// `GM0193`, `gm0193`, `0193` or `193` of a known municipality, or -1.
        @inline(__always)
        private func municipality(_ start: Int, _ stop: Int) -> Int32 {
            var range = trimmed(start, stop)
            if range.count > 2, buffer[range.lowerBound] | 0x20 == UInt8(ascii: "g"), buffer[range.lowerBound + 1] | 0x20 == UInt8(ascii: "m") {
                range = range.lowerBound + 2..<range.upperBound
            }
            guard (1...4).contains(range.count) else { return -1 }
            var value = 0
            for index in range {
                let digit = buffer[index] &- .zero
                guard digit < 10 else { return -1 }
                value = value * 10 + Int(digit)
            }
            return layout.municipality[value]
        }

        /// Empty, or a Dutch postcode like `8011AB` (spaces anywhere, lower case allowed).
        @inline(__always)
        private func isPostcode(_ start: Int, _ stop: Int) -> Bool {
            var position = 0
            for index in trimmed(start, stop) {
                var byte = buffer[index]
                if byte == .space { continue }
                if byte >= UInt8(ascii: "a"), byte <= UInt8(ascii: "z") { byte -= 32 }
                switch position {
                case 0: guard byte >= UInt8(ascii: "1"), byte <= .nine else { return false }
                case 1...3: guard byte >= .zero, byte <= .nine else { return false }
                case 4, 5: guard byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") else { return false }
                default: return false
                }
                position += 1
            }
            return position == 0 || position == 6
        }

        /// Empty, or a number in the range (coordinates are rare enough to parse as text).
        private func isDecimal(_ start: Int, _ stop: Int, in range: ClosedRange<Double>) -> Bool {
            let field = trimmed(start, stop)
            if field.isEmpty { return true }
            guard let value = Double(String(decoding: UnsafeBufferPointer(rebasing: buffer[field]), as: UTF8.self)) else { return false }
            return value.isFinite && range.contains(value)
        }
    }
}
