import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program Vliegwiel runs for a task it does not do itself (Chromium printing a PDF, pg_dump
/// and pg_restore), found on the PATH or where configured, and run with a time limit.
struct ExternalProgram: Sendable {
    let executable: String

    /// The first of `names` that is an executable on the PATH.
    static func onPath(_ names: [String]) -> ExternalProgram? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        for name in names {
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return ExternalProgram(executable: "\(folder)/\(name)")
            }
        }
        return nil
    }

    /// How a run ended: the exit status, the end of what the program wrote to its error output,
    /// and whether it was stopped for taking too long.
    struct Outcome: Sendable {
        let status: Int32
        let errorOutput: String
        let timedOut: Bool
        var succeeded: Bool { status == 0 && !timedOut }
    }

    /// Runs the program with `arguments` (its standard output discarded) and waits for it. Past
    /// `timeout` it is asked to stop, and killed five seconds later. `environment` adds to this
    /// process's own (a password goes there, not on the command line where `ps` shows it).
    func run(_ arguments: [String], environment: [String: String] = [:], timeout: Duration) async throws -> Outcome {
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("vliegwiel-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil, attributes: [.posixPermissions: 0o600])
        defer { try? FileManager.default.removeItem(at: errors) }
        let errorHandle = try FileHandle(forWritingTo: errors)
        defer { try? errorHandle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errorHandle
        let started = ContinuousClock.now
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
                return
            }
            let pid = process.processIdentifier
            Task {
                try? await Task.sleep(for: timeout)
                guard process.isRunning else { return }
                process.terminate()
                try? await Task.sleep(for: .seconds(5))
                if process.isRunning { kill(pid, SIGKILL) }
            }
        }
        let written = (try? Data(contentsOf: errors)) ?? Data()
        return Outcome(status: status, errorOutput: String(decoding: written.suffix(4000), as: UTF8.self),
                       timedOut: ContinuousClock.now - started >= timeout)
    }
}
