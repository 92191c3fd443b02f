import Vapor

/// Groeiclusters: the strategy's clusters as data (SBI codes, organisations added and excluded)
/// and their economy from the register; engagements (who took part in a cluster's work) and who is
/// actively involved.
enum ClustersArea {
    static func register(on routes: AreaRoutes) {
        let clusters = ClustersController(area: routes.config.area)
        let readers = routes.pages(.read), editors = routes.pages(.editProgramme)
        readers.get(SiteURL.clusters.pathComponents, use: clusters.index)
        // Engagements are recorded by whoever works on relations (account managers too).
        let engagements = EngagementsController(), recorders = routes.pages(.editRelations)
        readers.get(SiteURL.engagements.pathComponents, use: engagements.index)
        recorders.get(SiteURL.newEngagement.pathComponents, use: engagements.newForm)
        recorders.post(SiteURL.engagements.pathComponents, use: engagements.create)
        recorders.get(SiteURL.engagement.pathComponents, use: engagements.show)
        recorders.post(SiteURL.engagement.pathComponents, use: engagements.update)
        recorders.post(SiteURL.deleteEngagement.pathComponents, use: engagements.delete)
        let collaborations = CollaborationsController()
        readers.get(SiteURL.collaborations.pathComponents, use: collaborations.index)
        recorders.get(SiteURL.newCollaboration.pathComponents, use: collaborations.newForm)
        recorders.post(SiteURL.collaborations.pathComponents, use: collaborations.create)
        recorders.get(SiteURL.collaboration.pathComponents, use: collaborations.show)
        recorders.post(SiteURL.collaboration.pathComponents, use: collaborations.update)
        recorders.post(SiteURL.deleteCollaboration.pathComponents, use: collaborations.delete)
        editors.get(SiteURL.newCluster.pathComponents, use: clusters.newForm)
        editors.post(SiteURL.clusters.pathComponents, use: clusters.create)
        readers.get(SiteURL.cluster.pathComponents, use: clusters.show)
        readers.get(SiteURL.clusterNetwork.pathComponents, use: clusters.network)
        editors.get(SiteURL.editCluster.pathComponents, use: clusters.editForm)
        editors.post(SiteURL.cluster.pathComponents, use: clusters.update)
        editors.get(SiteURL.deleteCluster.pathComponents, use: clusters.removalForm)
        editors.post(SiteURL.deleteCluster.pathComponents, use: clusters.remove)

        // The showcase is public: the only page of the clusters without login.
        let showcase = ShowcaseController(area: routes.config.area)
        routes.pages.get(SiteURL.showcase.pathComponents, use: showcase.show)
        recorders.post(SiteURL.organisationShowcase.pathComponents, use: showcase.consent)

        let api = routes.api.grouped("api", "v1")
        let key = [APIParameter.text("id", "The cluster's key (`digital`).")]
        let figures: [APIParameter] = [.area, .year, .integer("from", "The first year of the growth; ten years before `year` when left out.", in: QueryLimit.year)]
        api.grouped(AccessGuard(permission: .read)).get("clusters", use: ClustersAPI.list)
            .documented("Lists the clusters", "Each with its definition, jobs and establishments in the area, active involvement, university collaboration, network and visit coverage.",
                        query: figures + [.flag("archived", "Archived clusters too.")])
        api.grouped(AccessGuard(permission: .read)).get("clusters", ":id", use: ClustersAPI.show)
            .documented("Reads one cluster", path: key, query: figures)
        let programme = api.grouped(AccessGuard(permission: .editProgramme))
        programme.post("clusters", use: ClustersAPI.create)
            .documented("Adds a cluster", body: ClusterInput.self, created: ClustersAPI.Cluster.self)
        programme.put("clusters", ":id", use: ClustersAPI.replace)
            .documented("Replaces a cluster's definition", path: key, body: ClusterInput.self)
        programme.patch("clusters", ":id", use: ClustersAPI.change)
            .documented("Changes some fields of a cluster's definition", "The fields left out keep their values.", path: key, body: ClusterInput.self)
        programme.delete("clusters", ":id", use: ClustersAPI.delete)
            .documented("Deletes or archives a cluster", "A cluster with engagements needs `move_to` (its engagements and acquisitions move there) or `archive=true`; without either it is a 409.",
                        path: key, query: [.text("move_to", "The key of the cluster that takes over its engagements and acquisitions."),
                                           .flag("archive", "Archive the cluster instead of deleting it.")],
                        statuses: [.conflict, .unprocessableEntity])
        ResourceAPI<EngagementsResource>(write: .editRelations).register(on: api)
        ResourceAPI<CollaborationsResource>(write: .editRelations).register(on: api)
    }
}
