import Testing

@testable import RenderKit

@Suite struct HistoryFormatterTests {
  static let commit = GitLogCommit.Summary(
    hash: "67e06b360db87e04a85715edcc01e5b35e75a0dd", shortHash: "67e06b3",
    timestamp: 1_714_642_200, author: "Ann Smith", email: "ann@example.com",
    subject: "prod: checkout 1.14.2 -> 1.15.0")

  static let changes = [
    VersionChange(
      commit: commit, environment: "prod", service: "checkout",
      old: "ghcr.io/acme/checkout:1.14.2", new: "ghcr.io/acme/checkout:1.15.0",
      trailer: .confirmed),
    VersionChange(
      commit: commit, environment: "prod-eu", service: "checkout", old: nil,
      new: "ghcr.io/acme/checkout:1.15.0", trailer: .viaEnvironment("prod")),
  ]

  @Test(arguments: [
    (0, "1970-01-01T00:00:00Z"),
    (1_714_642_200, "2024-05-02T09:30:00Z"),
    (951_782_400, "2000-02-29T00:00:00Z"),
    (-1, "1969-12-31T23:59:59Z"),
  ])
  func isoDatesAreUTC(timestamp: Int, expected: String) {
    #expect(HistoryFormatter.isoDate(timestamp) == expected)
  }

  @Test func table() {
    #expect(
      HistoryFormatter.table(Self.changes) == """
        COMMIT   DATE                  AUTHOR     ENVIRONMENT  CHANGE            NOTE
        67e06b3  2024-05-02T09:30:00Z  Ann Smith  prod         1.14.2 -> 1.15.0  trailer
        67e06b3  2024-05-02T09:30:00Z  Ann Smith  prod-eu      - -> 1.15.0       via prod (trailer)

        """)
  }

  @Test func aChangedImageShowsWholeReferences() {
    var change = Self.changes[0]
    change.new = "docker.io/acme/checkout:1.15.0"
    #expect(
      HistoryFormatter.changeText(change)
        == "ghcr.io/acme/checkout:1.14.2 -> docker.io/acme/checkout:1.15.0")
  }

  @Test func json() {
    #expect(
      HistoryFormatter.json([Self.changes[1]]) == """
        [
          {
            "commit": "67e06b360db87e04a85715edcc01e5b35e75a0dd",
            "shortCommit": "67e06b3",
            "date": "2024-05-02T09:30:00Z",
            "author": "Ann Smith",
            "email": "ann@example.com",
            "subject": "prod: checkout 1.14.2 -> 1.15.0",
            "environment": "prod-eu",
            "service": "checkout",
            "old": null,
            "new": "ghcr.io/acme/checkout:1.15.0",
            "oldVersion": null,
            "newVersion": "1.15.0",
            "confirmedByTrailer": false,
            "trailerNote": "via prod (trailer)"
          }
        ]

        """)
  }
}
