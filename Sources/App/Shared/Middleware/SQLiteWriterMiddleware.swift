import Vapor

/// On SQLite, the requests that change data run one at a time in this process. SQLite has one
/// writer at a time anyway, but a transaction that read first and then wants to write while
/// another connection writes does not wait: it fails at once with "database is locked" (SQLite
/// refuses to wait where waiting could deadlock). Queueing the writing requests avoids that;
/// reading requests are not held up. PostgreSQL needs none of this. Only a logged-in user's
/// requests queue: a stranger's (a login) must not be able to hold every writer up by sending
/// its body slowly.
struct SQLiteWriterMiddleware: ChainedMiddleware {
    private let queue = WriterQueue()

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard ![.GET, .HEAD, .OPTIONS].contains(request.method), request.currentUser != nil else { return try await next.respond(to: request) }
        await queue.acquire()
        do {
            let response = try await next.respond(to: request)
            await queue.release()
            return response
        } catch {
            await queue.release()
            throw error
        }
    }
}

/// A first-come, first-served lock that waits without blocking a thread.
private actor WriterQueue {
    private var isBusy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        guard isBusy else {
            isBusy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            isBusy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
