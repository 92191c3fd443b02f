@testable import App
import Foundation
import Testing

/// PATCH: what the patch gives replaces, what it leaves out or gives as null stays (issue 12).
struct PatchTests {
    @Test func aPatchReplacesOnlyTheFieldsItGives() throws {
        let stored = try JSONDecoder().decode(AcquisitionInput.self, from: Data(#"{"company_name":"Otter BV","codename":"Project Otter","expected_jobs":120,"team":["a@example.org"]}"#.utf8))
        let patch = try JSONDecoder().decode(AcquisitionInput.self, from: Data(#"{"codename":"","expected_jobs":"150","notes":null}"#.utf8))
        let merged = try Patch.merge(stored, with: patch)
        #expect(merged.companyName == "Otter BV" && merged.team == ["a@example.org"], "left out: kept")
        #expect(merged.codename == "", "an empty text is a value: it removes the codename")
        #expect(merged.expectedJobs == "150" && merged.notes == nil)
    }

    @Test func everyResourceInputSurvivesTheMergeUnchanged() throws {
        var organisation = OrganisationInput(kind: "company", name: "Zeilmakerij")
        organisation.tags = ["ict", "maritiem"]
        organisation.establishmentNumbers = ["000000000001"]
        #expect(try Patch.merge(organisation, with: OrganisationInput()) == organisation)
        let moment = ContactMomentInput(date: "2025-03-01", kind: "visit", organisations: ["x"], people: nil, accountManagers: nil, topics: ["groei"], notes: "n")
        #expect(try Patch.merge(moment, with: ContactMomentInput()) == moment)
    }
}
