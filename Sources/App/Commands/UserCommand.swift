import Fluent
import Foundation
import Vapor

/// `vliegwiel user create --email E --name N --role R` | `list` | `disable --email E` |
/// `enable --email E` | `reset-password --email E` | `token create --email E [--name N] [--days D]` |
/// `token list [--email E]` | `token revoke --id ID`. Passwords are read from standard input
/// (or asked for, hidden, at a terminal), never from the command line where `ps` could see them.
struct UserCommands: AsyncCommandGroup {
    var help: String { "Manages accounts and API tokens." }

    var commands: [String: any AnyAsyncCommand] {
        var commands: [String: any AnyAsyncCommand] = [:]
        for action in ["create", "list", "disable", "enable", "reset-password"] { commands[action] = UserCommand(action: action) }
        commands["token"] = TokenCommands()
        return commands
    }

    struct TokenCommands: AsyncCommandGroup {
        var help: String { "Makes, lists and revokes API tokens." }
        var commands: [String: any AnyAsyncCommand] {
            Dictionary(uniqueKeysWithValues: ["create", "list", "revoke"].map { ($0, UserCommand(action: "token", subaction: $0)) })
        }
    }
}

/// One `vliegwiel user ...` action.
struct UserCommand: AsyncCommand {
    var action: String
    var subaction: String?

    struct Signature: CommandSignature {
        @Option(name: "email", help: "the account's e-mail address") var email: String?
        @Option(name: "name", help: "a person's name (create) or a token's name (token create)") var name: String?
        @Option(name: "role", help: "admin, adviser, accountmanager or viewer") var role: String?
        @Option(name: "id", help: "the token to revoke") var id: String?
        @Option(name: "days", help: "token create: the token stops working after this many days (1-3650); without it, it works until revoked")
        var days: String?

        init() {}
    }

    var help: String { "vliegwiel user \(([action] + [subaction].compactMap { $0 }).joined(separator: " "))" }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await context.application.migrate()
        let accounts = Accounts(database: context.application.db, passwordCost: context.application.passwordCost, actor: .commandLine)
        let output = try await perform(signature, accounts: accounts, password: { try Self.readPassword(context.console, prompt: $0) })
        try await Setting.dataChanged(on: context.application.db)
        context.console.print(output)
    }

    /// Carries out the action and returns what to print.
    func perform(_ signature: Signature, accounts: Accounts, password: (String) throws -> String) async throws -> String {
        let database = accounts.database
        switch (action, subaction) {
        case ("create", nil):
            guard let email = signature.email, let name = signature.name, let roleText = signature.role else {
                throw CLIError.usage("user create needs --email, --name and --role")
            }
            guard let role = Role(rawValue: roleText) else {
                throw CLIError.usage("--role must be one of \(Role.allCases.map(\.rawValue).joined(separator: ", ")), not '\(roleText)'")
            }
            let user = try await accounts.create(email: email, name: name, role: role, password: try password("Password (at least \(Accounts.minimumPasswordLength) characters): "))
            return "Created \(user.email) (\(role.rawValue))."
        case ("list", nil):
            let users = try await User.query(on: database).sort(\.$email).all()
            return users.map { "\($0.email)\t\($0.name)\t\($0.role.rawValue)\t\($0.active ? "active" : "disabled")" }.joined(separator: "\n")
        case ("disable", nil), ("enable", nil):
            let user = try await Self.user(signature.email, on: database)
            try await accounts.update(user, role: user.role, active: action == "enable")
            return "\(user.email) is \(action)d."
        case ("reset-password", nil):
            let user = try await Self.user(signature.email, on: database)
            try await accounts.resetPassword(user, to: try password("New password (at least \(Accounts.minimumPasswordLength) characters): "))
            return "The password of \(user.email) is changed; its sessions have ended."
        case ("token", "create"):
            let user = try await Self.user(signature.email, on: database)
            var expiresAt: Date?
            if let text = signature.days {
                guard let days = Int(text), (1...3650).contains(days) else { throw CLIError.usage("--days must be a whole number from 1 to 3650, not '\(text)'") }
                expiresAt = Date().addingTimeInterval(TimeInterval(days) * 86_400)
            }
            let (token, secret) = try await accounts.createToken(for: user, name: signature.name ?? "API", expiresAt: expiresAt)
            let expiry = expiresAt.map { " It expires on \(CalendarDay($0).text)." } ?? ""
            return "Token \(try token.requireID()) for \(user.email).\(expiry) It is shown only now:\n\(secret)"
        case ("token", "list"):
            var query = APIToken.query(on: database).with(\.$user).sort(\.$createdAt)
            if let email = signature.email {
                let id = try await Self.user(email, on: database).requireID()
                query = query.filter(\.$user.$id == id)
            }
            let now = Date()
            return "id\temail\tname\tstatus\texpires\tlast used\n" + (try await query.all().map { token in
                let status = token.revokedAt != nil ? "revoked" : token.isValid(at: now) ? "active" : "expired"
                let day = { (date: Date?) in date.map { CalendarDay($0).text } ?? "-" }
                return "\(try token.requireID())\t\(token.user.email)\t\(token.name)\t\(status)\t\(day(token.expiresAt))\t\(day(token.lastUsedAt))"
            }).joined(separator: "\n")
        case ("token", "revoke"):
            guard let text = signature.id, let id = UUID(uuidString: text), let token = try await APIToken.find(id, on: database) else {
                throw CLIError.usage("token revoke needs --id of an existing token (see 'user token list')")
            }
            try await accounts.revoke(token)
            return "Token \(id) is revoked."
        default:
            throw CLIError.usage("unknown action; see 'vliegwiel user --help'")
        }
    }

    private static func user(_ email: String?, on database: Database) async throws -> User {
        guard let email else { throw CLIError.usage("--email is required") }
        guard let user = try await User.query(on: database).filter(\.$email == email.lowercased()).first() else {
            throw CLIError.usage("there is no account with the e-mail address \(email)")
        }
        return user
    }

    /// One line from standard input; at a terminal asked for twice, without echo.
    private static func readPassword(_ console: any Console, prompt: String) throws -> String {
        if isatty(STDIN_FILENO) == 0 {
            guard let line = readLine(strippingNewline: true) else { throw CLIError.usage("no password on standard input") }
            return line
        }
        console.output(ConsoleText(stringLiteral: prompt), newLine: false)
        let first = console.input(isSecure: true)
        console.output("Again: ", newLine: false)
        guard console.input(isSecure: true) == first else { throw CLIError.usage("the two passwords differ") }
        return first
    }
}

extension Application {
    private struct PasswordCostKey: StorageKey { typealias Value = Int }

    /// The bcrypt cost set by `configure`.
    var passwordCost: Int {
        get { storage[PasswordCostKey.self] ?? 12 }
        set { storage[PasswordCostKey.self] = newValue }
    }
}
