import Vapor
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The file a backup is: a POSIX tar archive (readable with `tar -tvf`) of two entries, the
/// manifest (`manifest.json`) and the database copy. Written and read in chunks, so a large
/// database never has to fit in memory.
enum BackupArchive {
    static let manifestName = "manifest.json"
    private static let block = 512
    private static let chunk = 1 << 20

    /// Writes the archive to `output` (replacing it only once it is complete).
    static func write(to output: URL, manifest: Data, payload: URL, payloadName: String) throws {
        let partial = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).\(UUID().uuidString).partial")
        // Created readable by its owner only from the start (a backup holds personal data).
        let descriptor = open(partial.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else {
            throw BackupError("cannot write \(output.path): the folder does not exist or is not writable")
        }
        do {
            let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
            defer { try? handle.close() }
            try handle.write(contentsOf: header(name: manifestName, size: manifest.count))
            try handle.write(contentsOf: manifest + padding(manifest.count))
            let size = try FileManager.default.attributesOfItem(atPath: payload.path)[.size] as? Int ?? 0
            try handle.write(contentsOf: header(name: payloadName, size: size))
            let input = try FileHandle(forReadingFrom: payload)
            defer { try? input.close() }
            var copied = 0
            while let data = try input.read(upToCount: chunk), !data.isEmpty {
                try handle.write(contentsOf: data)
                copied += data.count
            }
            guard copied == size else { throw BackupError("the database copy changed while it was archived") }
            try handle.write(contentsOf: padding(size) + Data(count: 2 * block))
            try handle.synchronize()
            // Replaces an earlier file of the same name in one step.
            guard rename(partial.path, output.path) == 0 else { throw BackupError("cannot write \(output.path)") }
        } catch {
            try? FileManager.default.removeItem(at: partial)
            throw error
        }
    }

    /// Reads `archive`: the manifest's bytes, and the entry named `payloadName` copied to
    /// `payload` with the SHA-256 (hex) of what was copied. Any other entry is skipped; a damaged
    /// or truncated archive is refused.
    static func read(_ archive: URL, payloadName: (Data) throws -> String, into payload: URL) throws -> (manifest: Data, sha256: String) {
        guard let handle = try? FileHandle(forReadingFrom: archive) else { throw BackupError("cannot read \(archive.path)") }
        defer { try? handle.close() }
        var manifest: Data?
        var digest: String?
        while true {
            guard let header = try handle.read(upToCount: block), header.count == block else {
                if manifest == nil { throw BackupError("\(archive.lastPathComponent) is not a Vliegwiel backup (not a tar archive, or a damaged one)") }
                throw BackupError("\(archive.lastPathComponent) ends before the archive does: it is not a whole Vliegwiel backup")
            }
            if header.allSatisfy({ $0 == 0 }) { break }
            let entry = try parse(header, in: archive)
            if entry.name == manifestName {
                guard entry.size <= 16 << 20 else { throw BackupError("the manifest in \(archive.lastPathComponent) is too large") }
                manifest = try readExactly(entry.size, from: handle, archive: archive)
                _ = try readExactly(padding(entry.size).count, from: handle, archive: archive)
            } else if let manifest, entry.name == (try payloadName(manifest)) {
                digest = try copy(entry.size, from: handle, to: payload, archive: archive)
                _ = try readExactly(padding(entry.size).count, from: handle, archive: archive)
            } else {
                try handle.seek(toOffset: try handle.offset() + UInt64(entry.size + padding(entry.size).count))
            }
        }
        guard let manifest else { throw BackupError("\(archive.lastPathComponent) has no \(manifestName): it is not a Vliegwiel backup") }
        guard let digest else { throw BackupError("\(archive.lastPathComponent) has no database copy") }
        return (manifest, digest)
    }

    /// The SHA-256 (hex) of a file, read in chunks.
    static func sha256(of file: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        var hasher = SHA256()
        while let data = try handle.read(upToCount: chunk), !data.isEmpty { hasher.update(data: data) }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    private static func copy(_ size: Int, from handle: FileHandle, to file: URL, archive: URL) throws -> String {
        _ = FileManager.default.createFile(atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o600])
        let output = try FileHandle(forWritingTo: file)
        defer { try? output.close() }
        var hasher = SHA256()
        var left = size
        while left > 0 {
            let data = try readExactly(min(chunk, left), from: handle, archive: archive)
            hasher.update(data: data)
            try output.write(contentsOf: data)
            left -= data.count
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    private static func readExactly(_ count: Int, from handle: FileHandle, archive: URL) throws -> Data {
        guard count > 0 else { return Data() }
        guard let data = try handle.read(upToCount: count), data.count == count else {
            throw BackupError("\(archive.lastPathComponent) ends before the archive does: it is not a whole Vliegwiel backup")
        }
        return data
    }

    private static func padding(_ size: Int) -> Data {
        Data(count: (block - size % block) % block)
    }

    /// A ustar header for a regular file readable by its owner only.
    private static func header(name: String, size: Int) -> Data {
        var bytes = [UInt8](repeating: 0, count: block)
        func put(_ text: String, at offset: Int) {
            for (index, byte) in text.utf8.enumerated() { bytes[offset + index] = byte }
        }
        func octal(_ value: Int, width: Int) -> String {
            let digits = String(value, radix: 8)
            return String(repeating: "0", count: max(0, width - 1 - digits.count)) + digits
        }
        put(name, at: 0)
        put(octal(0o600, width: 8), at: 100)
        put(octal(0, width: 8), at: 108)
        put(octal(0, width: 8), at: 116)
        put(octal(size, width: 12), at: 124)
        put(octal(Int(Date().timeIntervalSince1970), width: 12), at: 136)
        put("        ", at: 148)
        put("0", at: 156)
        put("ustar\u{0}00", at: 257)
        put("vliegwiel", at: 265)
        put("vliegwiel", at: 297)
        let checksum = bytes.reduce(0) { $0 + Int($1) }
        put(octal(checksum, width: 7) + "\u{0} ", at: 148)
        return Data(bytes)
    }

    private static func parse(_ header: Data, in archive: URL) throws -> (name: String, size: Int) {
        let bytes = [UInt8](header)
        func field(_ offset: Int, _ length: Int) -> String {
            String(decoding: bytes[offset..<offset + length].prefix { $0 != 0 }, as: UTF8.self)
        }
        var blank = bytes
        for index in 148..<156 { blank[index] = 0x20 }
        let stored = Int(field(148, 8).trimmingCharacters(in: .whitespaces), radix: 8)
        guard stored == blank.reduce(0, { $0 + Int($1) }),
              let size = Int(field(124, 12).trimmingCharacters(in: .whitespaces), radix: 8), size >= 0 else {
            throw BackupError("\(archive.lastPathComponent) is not a Vliegwiel backup (not a tar archive, or a damaged one)")
        }
        return (field(0, 100), size)
    }
}

/// Why a backup or a restore did not happen, in words for the person running it.
struct BackupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
