import Testing
@testable import Labs

/// The shipped course: every lab loads, its reference passes and its starter fails.
@Suite struct CourseLabsTests {
    static let catalog = LabCatalog.load(root: LabFixtures.root)

    @Test func theCatalogLoadsWithoutProblems() {
        #expect(Self.catalog.problems.map(\.diagnostic.message) == [])
        #expect(Self.catalog.labs.count >= 25)
        #expect(Set(Self.catalog.labs.map(\.kind)) == Set(Lab.Kind.allCases))
    }

    @Test(arguments: catalog.labs.map(\.id))
    func referencePassesAndStarterFails(id: String) throws {
        let lab = try #require(Self.catalog.lab(id))
        let reference = try LabFixtures.check(lab, lab.reference)
        #expect(reference.passed, "\(id) reference: \(reference.checks.filter { !$0.passed }.map { $0.name + ": " + "\($0.findings)" })")
        let starter = try LabFixtures.check(lab, lab.starter)
        #expect(!starter.passed, "\(id): the starter passes")
        #expect(!lab.hints.isEmpty && !lab.sources.isEmpty)
    }
}
