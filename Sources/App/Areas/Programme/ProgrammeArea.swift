import Vapor

/// Programma: the execution programme's projects scored on the five criteria, ranked by two
/// methods with the weights' sensitivity, the programme for a budget, and the driver team with
/// its meetings, decisions and actions.
enum ProgrammeArea {
    static func register(on routes: AreaRoutes) {
        let readers = routes.pages(.read), editors = routes.pages(.editProgramme)
        let projects = ProjectsController()
        readers.get(SiteURL.projects.pathComponents, use: projects.index)
        editors.get(SiteURL.newProject.pathComponents, use: projects.newForm)
        editors.post(SiteURL.projects.pathComponents, use: projects.create)
        readers.get(SiteURL.project.pathComponents, use: projects.show)
        editors.get(SiteURL.editProject.pathComponents, use: projects.editForm)
        editors.post(SiteURL.project.pathComponents, use: projects.update)
        editors.post(SiteURL.deleteProject.pathComponents, use: projects.delete)
        editors.get(SiteURL.projectScores.pathComponents, use: projects.scoreForm)
        editors.post(SiteURL.projectScores.pathComponents, use: projects.score)
        editors.post(SiteURL.projectMilestones.pathComponents, use: projects.addMilestone)
        editors.post(SiteURL.milestone.pathComponents, use: projects.setMilestone)
        editors.post(SiteURL.deleteMilestone.pathComponents, use: projects.deleteMilestone)
        editors.post(SiteURL.projectDecisions.pathComponents, use: projects.addDecision)

        let ranking = RankingController()
        readers.get(SiteURL.ranking.pathComponents, use: ranking.ranking)
        editors.post(SiteURL.programmeWeights.pathComponents, use: ranking.saveWeights)
        readers.get(SiteURL.selection.pathComponents, use: ranking.selection)

        let team = DriverTeamController(), meetings = MeetingsController()
        readers.get(SiteURL.driverTeam.pathComponents, use: team.index)
        readers.get(SiteURL.meetings.pathComponents, use: team.index)
        editors.post(SiteURL.driverTeamMembers.pathComponents, use: team.addMember)
        editors.post(SiteURL.endMembership.pathComponents, use: team.endMembership)
        editors.get(SiteURL.newMeeting.pathComponents, use: meetings.newForm)
        editors.post(SiteURL.meetings.pathComponents, use: meetings.create)
        readers.get(SiteURL.meeting.pathComponents, use: meetings.show)
        editors.get(SiteURL.editMeeting.pathComponents, use: meetings.editForm)
        editors.post(SiteURL.meeting.pathComponents, use: meetings.update)
        editors.post(SiteURL.deleteMeeting.pathComponents, use: meetings.delete)
        editors.post(SiteURL.meetingAgenda.pathComponents, use: meetings.addAgendaItem)
        editors.post(SiteURL.meetingDecisions.pathComponents, use: meetings.addDecision)
        editors.post(SiteURL.meetingActions.pathComponents, use: meetings.addAction)

        let api = routes.api.grouped("api", "v1")
        let apiReaders = api.grouped(AccessGuard(permission: .read))
        let weighing: [APIParameter] = [
            .choice("method", "The ranking method: the weighted sum (wsm, when left out) or TOPSIS.", ProgrammeRanking.Method.self),
            .text("weights", "Weights to try, `impact:0.3,vliegwiel:0.2,...` (the saved weights when left out)."),
        ]
        apiReaders.get("programme", "ranking", use: ProgrammeAPI.ranking)
            .documented("The projects ranked on the five criteria", "With each criterion's median score and its normalised value, the projects left out and why, and the projects the other method ranks differently.",
                        query: weighing)
        apiReaders.get("programme", "sensitivity", use: ProgrammeAPI.sensitivity)
            .documented("How far each weight can move before the top project changes", query: weighing)
        apiReaders.get("programme", "selection", use: ProgrammeAPI.selection)
            .documented("The programme for a budget", "The projects chosen within the municipal budget (running projects and those that must be in count first), those that missed and why, and those without a municipal share.",
                        query: weighing + [APIParameter(name: "budget", description: "The municipal budget in euros.", schema: ["type": "number", "minimum": 0]).required()])
        ResourceAPI<ProjectsResource>(write: .editProgramme).register(on: api)
        ResourceAPI<MeetingsResource>(write: .editProgramme).register(on: api)
    }
}
