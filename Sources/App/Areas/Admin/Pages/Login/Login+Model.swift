/// The login page, and the page a fresh instance shows until it has an administrator.
enum Login {
    struct Model: Equatable {
        var email = ""
        var next = "/"
        var csrfToken: String
        var message: String?
    }
}
