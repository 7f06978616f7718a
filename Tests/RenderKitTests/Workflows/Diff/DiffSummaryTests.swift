import Testing

@testable import RenderKit

@Suite struct DiffSummaryTests {
  @Test(
    arguments: [
      ("prod/checkout/deployment-checkout.yaml", "prod", "checkout"),
      ("prod/_environment/resourcequota-quota.yaml", "prod", "_environment"),
      ("_argocd/prod/application-checkout.yaml", "prod", "_argocd"),
      ("_flux/dev/kustomization-api.yaml", "dev", "_flux"),
      ("versions.yaml", nil, "versions.yaml"),
    ] as [(String, String?, String)])
  func groupOfAPath(path: String, environment: String?, service: String) {
    #expect(ChangeGroup(path: path) == ChangeGroup(environment: environment, service: service))
  }

  @Test func rowsPerEnvironmentAndServiceWithPlatformFilesLast() {
    let changes = [
      FileChange(path: "versions.yaml", kind: .modified, hunks: "", addedLines: 1, removedLines: 1),
      FileChange(
        path: "prod/api/a.yaml", kind: .modified, hunks: "", addedLines: 2, removedLines: 1),
      FileChange(path: "prod/api/b.yaml", kind: .added, hunks: "", addedLines: 10, removedLines: 0),
      FileChange(path: "dev/web/c.yaml", kind: .removed, hunks: "", addedLines: 0, removedLines: 7),
    ]
    let summary = DiffSummary(changes)
    #expect(summary.rows.map(\.group.label) == ["dev/web", "prod/api", "versions.yaml"])
    let api = summary.rows[1]
    #expect((api.addedLines, api.removedLines, api.filesAdded, api.filesChanged) == (12, 1, 1, 1))
    #expect(api.filesDescription == "1 added, 1 changed")
    #expect(summary.rows[0].filesDescription == "1 removed")
    #expect(
      (summary.total.addedLines, summary.total.removedLines, summary.total.files) == (13, 9, 4))
  }
}
