import TestSupport
import Testing

@testable import RenderKit

@Suite struct VersionCommitMessageTests {
  static func change(_ service: String, _ from: String?, _ to: String) -> PinChange {
    PinChange(
      environment: "prod", service: service,
      previous: from.map {
        Located($0, at: testFiles.start(of: "services/\(service)/service.yaml"))
      },
      version: to, edit: .replaced,
      location: testFiles.start(of: "environments/prod/\(service).yaml"))
  }

  @Test func aFewChangesAreListedInTheSubject() {
    let message = VersionCommitMessage(
      environment: "prod",
      changes: [Self.change("checkout", "1.14.2", "1.15.0"), Self.change("catalog", nil, "3.3.0")],
      promotedFrom: "staging")
    #expect(
      message.text == """
        prod: checkout 1.14.2 -> 1.15.0, catalog (none) -> 3.3.0 (from staging)

        Render-Environment: prod
        Render-Service: checkout
        Render-Version: 1.15.0
        Render-Service: catalog
        Render-Version: 3.3.0

        """)
  }

  /// A promotion of many services keeps a one-line subject and lists them in the body.
  @Test func manyChangesAreCountedInTheSubjectAndListedInTheBody() {
    let changes = (1...4).map { Self.change("svc-\($0)", "1.0.0", "1.1.0") }
    let message = VersionCommitMessage(environment: "prod", changes: changes)
    #expect(message.subject == "prod: 4 services")
    #expect(
      message.text.hasPrefix(
        """
        prod: 4 services

        - svc-1 1.0.0 -> 1.1.0
        - svc-2 1.0.0 -> 1.1.0
        - svc-3 1.0.0 -> 1.1.0
        - svc-4 1.0.0 -> 1.1.0

        Render-Environment: prod
        Render-Service: svc-1
        """))
  }
}
