/// The text encodings a CSV file arrives in. LISA extracts and files saved by Excel on Windows
/// are often Windows-1252 (a superset of Latin-1) instead of UTF-8; read as UTF-8 their `é`
/// would become U+FFFD, and the database would keep the damage.
public enum TextEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case windows1252 = "Windows-1252"

    /// The bytes as UTF-8, and the encoding they were in: UTF-8 when they are valid UTF-8,
    /// otherwise Windows-1252, converted (every byte is a character there).
    public static func utf8(from bytes: [UInt8]) -> (bytes: [UInt8], encoding: TextEncoding) {
        if bytes.allSatisfy({ $0 < 0x80 }) || String(validating: bytes, as: UTF8.self) != nil { return (bytes, .utf8) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            let scalar = byte < 0x80 ? UInt32(byte) : byte < 0xA0 ? windows1252Table[Int(byte - 0x80)] : UInt32(byte)
            output.append(contentsOf: String(Unicode.Scalar(scalar)!).utf8)
        }
        return (output, .windows1252)
    }

    /// Windows-1252 at 0x80-0x9F (where Latin-1 has control characters); the five bytes it leaves
    /// undefined are kept as the C1 control characters Latin-1 has there.
    private static let windows1252Table: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]
}
