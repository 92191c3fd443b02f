import Analysis
import Fluent
import Vapor

/// Groeiclusters: the clusters with their figures, one cluster, and the form to add or change one.
struct ClustersController {
    let area: String

    func index(_ request: Request) async throws -> Response {
        let (panel, selection) = try await selection(request)
        let generation = try await request.dataState().generation
        let mayEdit = request.may(.editProgramme)
        let register = try await ClusterRegister.load(selection, panel: panel, request: request)
        var model = try await request.application.viewCache.value("clusters|\(selection.area)|\(selection.from)|\(selection.to)|\(selection.chosenFrom ?? 0)|\(mayEdit)",
                                                                  generation: generation) { [db = request.db] in
            try await ClustersIndex.query(selection, register: register, mayEdit: mayEdit, on: db)
        }
        model.involved = try await ClustersIndex.involved(on: request.db)
        model.archived = try await ClustersIndex.archived(on: request.db)
        return .html(ClustersIndex.View(model: model, viewer: try await request.viewer()).render())
    }

    func show(_ request: Request) async throws -> Response {
        let cluster = try await ClusterService.find(key: try key(request), on: request.db)
        let (panel, selection) = try await selection(request)
        let register = try await ClusterRegister.load(selection, panel: panel, request: request)
        let model = try await ClusterPage.query(cluster, selection: selection, register: register, mayEdit: request.may(.editProgramme),
                                                  mayRecord: request.may(.editRelations), on: request.db)
        return .html(ClusterPage.View(model: model, viewer: try await request.viewer()).render())
    }

    func network(_ request: Request) async throws -> Response {
        let cluster = try await ClusterService.find(key: try key(request), on: request.db)
        let (panel, selection) = try await selection(request)
        let register = try await ClusterRegister.load(selection, panel: panel, request: request)
        let model = try await ClusterNetworkPage.query(cluster, selection: selection, register: register, mayRecord: request.may(.editRelations), on: request.db)
        return .html(ClusterNetworkPage.View(model: model, viewer: try await request.viewer()).render())
    }

    func newForm(_ request: Request) async throws -> Response {
        try await form(request, key: nil, input: ClusterInput(growthCluster: "true"), problems: [])
    }

    func editForm(_ request: Request) async throws -> Response {
        let cluster = try await ClusterService.find(key: try key(request), on: request.db)
        let members = try await ClusterService(database: request.db, actor: request.auditActor).members(of: cluster.requireID())
        return try await form(request, key: cluster.key, input: ClusterInput(cluster, added: members.added, excluded: members.excluded), problems: [])
    }

    func create(_ request: Request) async throws -> Response {
        let input = try request.checkedForm(ClusterInput.self)
        return try await request.saving(pickers: ClusterForm.pickers, {
            let values = try input.validated(sbiCodes: try ReferenceData.shared.get().sbiCodes.map(\.code))
            let cluster = try await ClusterService(database: request.db, actor: request.auditActor).save(values)
            return SiteURL.cluster.path(cluster.key)
        }, orShow: { try await form(request, key: nil, input: input, problems: $0) })
    }

    func update(_ request: Request) async throws -> Response {
        let cluster = try await ClusterService.find(key: try key(request), on: request.db)
        let input = try request.checkedForm(ClusterInput.self)
        let oldKey = cluster.key
        return try await request.saving(pickers: ClusterForm.pickers, {
            let values = try input.validated(sbiCodes: try ReferenceData.shared.get().sbiCodes.map(\.code))
            try await ClusterService(database: request.db, actor: request.auditActor).save(values, to: cluster)
            return SiteURL.cluster.path(cluster.key)
        }, orShow: { try await form(request, key: oldKey, input: input, problems: $0) })
    }

    func removalForm(_ request: Request) async throws -> Response {
        let cluster = try await ClusterService.find(key: try key(request), on: request.db)
        return try await removal(request, cluster, problems: [], status: .ok)
    }

    struct RemovalForm: Content {
        /// `verwijderen` (moving what names it to `move_to` when anything does), `archiveren` or `terugzetten`.
        var actie: String?
        var moveTo: String?
        enum CodingKeys: String, CodingKey { case actie, moveTo = "move_to" }
    }

    /// Deletes the cluster (after moving its engagements and acquisitions), archives it or restores it.
    func remove(_ request: Request) async throws -> Response {
        let cluster = try await ClusterService.find(key: try key(request), on: request.db)
        let form = try request.checkedForm(RemovalForm.self)
        let service = ClusterService(database: request.db, actor: request.auditActor)
        switch form.actie {
        case "archiveren":
            try await service.archive(cluster)
            return request.redirect(to: SiteURL.cluster.path(cluster.key))
        case "terugzetten":
            try await service.archive(cluster, archived: false)
            return request.redirect(to: SiteURL.cluster.path(cluster.key))
        case "verwijderen":
            do {
                var target: Cluster?
                if let key = form.moveTo, !key.isEmpty {
                    guard let found = try await ClusterService.all(on: request.db).first(where: { $0.key == key.lowercased() }) else {
                        throw InvalidFields("move_to", localized("'\(key.prefix(40))' is geen cluster", "'\(key.prefix(40))' is not a cluster"))
                    }
                    target = found
                }
                try await service.delete(cluster, movingTo: target)
                return request.redirect(to: SiteURL.clusters.path)
            } catch let error as InvalidFields {
                return try await removal(request, cluster, problems: error.problems, status: .unprocessableEntity)
            }
        default:
            throw Abort(.badRequest, reason: localized("Kies verwijderen, archiveren of terugzetten.", "Choose delete, archive or restore."))
        }
    }

    private func removal(_ request: Request, _ cluster: Cluster, problems: [FieldProblem], status: HTTPStatus) async throws -> Response {
        guard let viewer = try await request.viewer() else { throw Abort(.unauthorized) }
        let model = try await ClusterRemoval.query(cluster, problems: problems, on: request.db)
        return .html(ClusterRemoval.View(model: model, viewer: viewer).render(), status: status)
    }

    private func form(_ request: Request, key: String?, input: ClusterInput, problems: [FieldProblem]) async throws -> Response {
        guard let viewer = try await request.viewer() else { throw Abort(.unauthorized) }
        let model = try await ClusterForm.query(key: key, input: input, problems: problems,
                                                search: request.pickerSearch(among: ClusterForm.pickers), on: request.db)
        return .html(ClusterForm.View(model: model, viewer: viewer).render())
    }

    private func key(_ request: Request) throws -> String {
        guard let key = request.parameters.get("id"), !key.isEmpty, key.count <= 40 else {
            throw Abort(.notFound, reason: localized("Deze pagina bestaat niet.", "This page does not exist."))
        }
        return key
    }

    /// The register panel and the area and period chosen (as on the monitor pages).
    private func selection(_ request: Request) async throws -> (RegisterPanel, MonitorSelection) {
        let generation = try await request.dataState().generation
        let panel = try await request.application.viewCache.panel(generation: generation, on: request.db)
        return (panel, try MonitorSelection.parse(request, defaultArea: area, panel: panel))
    }
}
