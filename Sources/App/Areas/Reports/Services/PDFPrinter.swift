import Foundation
import Vapor
#if canImport(Glibc)
import Glibc
#endif

/// Prints a self-contained HTML document to an A4 PDF with headless Chromium (Debian's
/// `chromium`), found through `VLIEGWIEL_CHROMIUM` or on the PATH. The page has no network:
/// the document carries its styles and charts inline, and its content security policy allows
/// nothing else.
struct PDFPrinter: Sendable {
    let executable: String

    /// The printer, or a clear refusal saying what to install.
    static func locate(config: AppConfig) throws -> PDFPrinter {
        if let path = config.chromium {
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw Abort(.serviceUnavailable, reason: localized("VLIEGWIEL_CHROMIUM wijst niet naar een uitvoerbaar programma; vraag de beheerder het in te stellen.",
                                                                   "VLIEGWIEL_CHROMIUM does not point at an executable; ask the administrator to set it."))
            }
            return PDFPrinter(executable: path)
        }
        if let found = ExternalProgram.onPath(["chromium", "chromium-browser", "google-chrome"]) {
            return PDFPrinter(executable: found.executable)
        }
        throw Abort(.serviceUnavailable, reason: localized(
            "Voor een PDF is Chromium nodig en dat is hier niet geïnstalleerd: installeer het Debian-pakket chromium (apt-get install chromium) of wijs het programma aan met VLIEGWIEL_CHROMIUM. Het rapport als HTML werkt ook zonder.",
            "A PDF needs Chromium, which is not installed here: install Debian's chromium package (apt-get install chromium) or point VLIEGWIEL_CHROMIUM at it. The report as HTML works without it."))
    }

    /// The PDF of `html`. At most `PrintingSlots.count` printings run at once (each is a browser);
    /// a request waits up to half a minute for its turn, then is refused with 503 and `Retry-After`. Refused with the reason when
    /// Chromium fails or takes longer than `timeout` (then it is stopped, and killed if it must be).
    func print(_ html: Data, timeout: Duration = .seconds(120)) async throws -> Data {
        let asked = ContinuousClock.now
        while await !Self.slots.take() {
            guard ContinuousClock.now - asked < .seconds(30) else {
                throw Abort(.serviceUnavailable, headers: ["Retry-After": "30"],
                            reason: localized("Er worden nu al rapporten afgedrukt; probeer het over een halve minuut opnieuw.",
                                              "Reports are being printed already; try again in half a minute."))
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        defer { Task { await Self.slots.give() } }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vliegwiel-pdf-\(UUID().uuidString)")
        // Only this process's user may read the report while it prints.
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("report.html"), output = folder.appendingPathComponent("report.pdf")
        try html.write(to: input)
        // Chromium's sandbox does not run as root (a container); elsewhere it stays on.
        let arguments = (getuid() == 0 ? ["--no-sandbox"] : []) + [
            "--headless", "--disable-gpu", "--disable-dev-shm-usage", "--disable-extensions", "--no-first-run",
            "--disable-background-networking", "--disable-sync", "--no-pdf-header-footer", "--generate-pdf-document-outline",
            "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "--print-to-pdf=\(output.path)", input.absoluteString,
        ]
        let outcome: ExternalProgram.Outcome
        do {
            outcome = try await ExternalProgram(executable: executable).run(arguments, timeout: timeout)
        } catch {
            throw Abort(.internalServerError, reason: localized("Chromium start niet.", "Chromium does not start."))
        }
        if outcome.timedOut {
            throw Abort(.gatewayTimeout, reason: localized("Chromium deed er langer dan \(timeout.components.seconds) seconden over en is gestopt.",
                                                           "Chromium took longer than \(timeout.components.seconds) seconds and was stopped."))
        }
        let status = outcome.status
        guard status == 0, let pdf = try? Data(contentsOf: output), pdf.starts(with: Data("%PDF".utf8)) else {
            throw Abort(.internalServerError, reason: localized("Chromium kon het rapport niet als PDF afdrukken (afsluitcode \(status)).",
                                                                "Chromium could not print the report as PDF (exit status \(status))."))
        }
        return pdf
    }

    static let slots = PrintingSlots()
}

/// How many printings may run at once: each is a whole browser, so two on a small server.
actor PrintingSlots {
    static let count = 2
    private var busy = 0

    func take() -> Bool {
        guard busy < Self.count else { return false }
        busy += 1
        return true
    }

    func give() {
        busy -= 1
    }
}

/// What a PDF printed by Chromium says about its pages: how many there are, and on which page
/// each heading of its outline (bookmarks) starts. Enough of the PDF format for that: the page
/// tree and the outline items, which Chromium writes as plain (uncompressed) objects.
struct PDFOutline {
    let pageCount: Int
    /// Each outline item's title and page (from 1), in the order they are found.
    let headings: [(title: String, page: Int)]

    init(pageCount: Int, headings: [(title: String, page: Int)]) {
        (self.pageCount, self.headings) = (pageCount, headings)
    }

    init(_ pdf: Data) {
        // ISO Latin 1 keeps every byte as one character, so offsets and binary streams survive.
        let text = String(data: pdf, encoding: .isoLatin1) ?? ""
        var objects: [Int: Substring] = [:]
        var cursor = text.startIndex
        while let start = text.range(of: " 0 obj", range: cursor..<text.endIndex) {
            var numberStart = start.lowerBound
            while numberStart > text.startIndex, text[text.index(before: numberStart)].isASCII, text[text.index(before: numberStart)].isNumber {
                numberStart = text.index(before: numberStart)
            }
            guard let number = Int(text[numberStart..<start.lowerBound]), let end = text.range(of: "endobj", range: start.upperBound..<text.endIndex) else {
                cursor = start.upperBound
                continue
            }
            objects[number] = text[start.upperBound..<end.lowerBound]
            cursor = end.upperBound
        }
        let reference = { (key: String, object: Substring) -> Int? in
            guard let range = object.range(of: key + " ") else { return nil }
            return Int(object[range.upperBound...].prefix { $0.isNumber })
        }
        // The pages in order: the page tree from the catalogue's root, depth first.
        var pages: [Int] = []
        func walk(_ number: Int, depth: Int) {
            guard depth < 32, let object = objects[number] else { return }
            guard object.contains("/Kids") else {
                pages.append(number)
                return
            }
            let kids = object[object.range(of: "/Kids")!.upperBound...].drop { $0 != "[" }.dropFirst().prefix { $0 != "]" }
            let numbers = kids.split(separator: " ").map(String.init)
            for index in stride(from: 0, to: numbers.count - 2, by: 3) where numbers[index + 2] == "R" {
                if let kid = Int(numbers[index]) { walk(kid, depth: depth + 1) }
            }
        }
        if let catalogue = objects.values.first(where: { $0.contains("/Type /Catalog") }), let root = reference("/Pages", catalogue) {
            walk(root, depth: 0)
        }
        let pageIndex = Dictionary(pages.enumerated().map { ($1, $0 + 1) }, uniquingKeysWith: { first, _ in first })
        var headings: [(String, Int)] = []
        for number in objects.keys.sorted() {
            let object = objects[number]!
            guard let title = Self.title(in: object), let dest = object.range(of: "/Dest [") else { continue }
            if let page = Int(object[dest.upperBound...].prefix { $0.isNumber }).flatMap({ pageIndex[$0] }) { headings.append((title, page)) }
        }
        self.init(pageCount: pages.count, headings: headings)
    }

    /// The title of an outline item: a literal string `(...)` with backslash escapes, or UTF-16 in hex `<FEFF...>`.
    private static func title(in object: Substring) -> String? {
        guard let key = object.range(of: "/Title ") else { return nil }
        let rest = object[key.upperBound...]
        if rest.first == "(" {
            var result = "", escaped = false
            for character in rest.dropFirst() {
                if escaped { result.append(character); escaped = false } else if character == "\\" { escaped = true } else if character == ")" { return result } else { result.append(character) }
            }
            return nil
        }
        guard rest.first == "<" else { return nil }
        let hex = Array(rest.dropFirst().prefix { $0 != ">" }.filter(\.isHexDigit))
        var units: [UInt16] = []
        for index in stride(from: 0, to: hex.count - 3, by: 4) { units.append(UInt16(String(hex[index..<index + 4]), radix: 16) ?? 0) }
        if units.first == 0xFEFF { units.removeFirst() }
        return String(decoding: units, as: UTF16.self)
    }

    /// The page on which the first heading with `title` starts.
    func page(of title: String) -> Int? {
        headings.first { $0.title == title }?.page
    }
}
