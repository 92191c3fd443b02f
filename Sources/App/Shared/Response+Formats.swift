import Analysis
import Foundation
import Vapor

/// The kinds of response pages and the API give: HTML, CSV downloads and RFC 9457 problems.
extension Response {
    static func html(_ body: String, status: HTTPResponseStatus = .ok) -> Response {
        Response(status: status, headers: ["Content-Type": "text/html; charset=utf-8"], body: .init(string: body))
    }
}

/// What a page gives with `formaat`: the page itself, or its table as a download: CSV, or CSV for
/// Dutch Excel (`ExcelCSV`).
enum PageFormat: String, CaseIterable, Sendable {
    case html, csv, excel
}

extension Request {
    /// The `formaat` of the URL; HTML when absent, a 400 naming the formats for anything unknown.
    func format() throws -> PageFormat {
        try choice("formaat", as: PageFormat.self) ?? .html
    }
}

extension Response {
    /// A table as a download: the CSV as it is, or its Dutch-Excel variant (`name` then ends in
    /// `-excel.csv`).
    static func csv(_ text: String, name: String, format: PageFormat = .csv) throws -> Response {
        let (body, file) = format == .excel ? (try ExcelCSV.convert(text), name.replacingOccurrences(of: ".csv", with: "") + "-excel.csv") : (text, name)
        return Response(status: .ok, headers: ["Content-Type": "text/csv; charset=utf-8", "Content-Disposition": "attachment; filename=\"\(file)\""],
                        body: .init(string: body))
    }
}

extension Response {
    /// An RFC 9457 problem document.
    /// `invalidParams` names the fields that were wrong (`invalid-params`, as the Dutch API design rules use it).
    static func problem(_ status: HTTPResponseStatus, title: String, detail: String, invalidParams: [[String: String]]? = nil, requestID: String? = nil) -> Response {
        var document: [String: Any] = ["type": "about:blank", "title": title, "status": Int(status.code), "detail": detail]
        // An extension member: the id of the request in the log, as on the error page.
        if let requestID { document["requestId"] = requestID }
        if let invalidParams { document["invalid-params"] = invalidParams }
        let body = (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])) ?? Data()
        // Only the API answers with problems: each carries the API's version, also when the error
        // was raised before `APIVersionMiddleware` could add it.
        return Response(status: status, headers: ["Content-Type": "application/problem+json", "API-Version": APIVersionMiddleware.version],
                        body: .init(data: body))
    }
}
