import Vapor

/// Groeiclusters: the strategy's clusters as data (SBI codes, organisations added and excluded)
/// and their economy from the register.
enum ClustersArea {
    static func register(on routes: AreaRoutes) {
        let clusters = ClustersController(area: routes.config.area)
        let readers = routes.pages(.read), editors = routes.pages(.editProgramme)
        readers.get(SiteURL.clusters.pathComponents, use: clusters.index)
        editors.get(SiteURL.newCluster.pathComponents, use: clusters.newForm)
        editors.post(SiteURL.clusters.pathComponents, use: clusters.create)
        readers.get(SiteURL.cluster.pathComponents, use: clusters.show)
        editors.get(SiteURL.editCluster.pathComponents, use: clusters.editForm)
        editors.post(SiteURL.cluster.pathComponents, use: clusters.update)
    }
}
