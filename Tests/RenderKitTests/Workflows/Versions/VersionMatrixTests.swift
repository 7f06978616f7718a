import Testing

@testable import RenderKit

@Suite struct VersionMatrixTests {
  typealias Versions = [String: [String: (version: String, imageRef: String?)]]

  static let versions: Versions = [
    "checkout": [
      "dev": ("1.16.0", "ghcr.io/acme/checkout:1.16.0"),
      "staging": ("1.15.0", "ghcr.io/acme/checkout:1.15.0"),
      "prod": ("1.15.0", "ghcr.io/acme/checkout:1.15.0"),
      "prod-eu": ("1.14.2", "ghcr.io/acme/checkout:1.14.2"),
    ],
    "reports": [
      "staging": ("2.0.0", nil),
      "prod": ("1.9.0", nil),
    ],
    "search": [
      "prod": ("3.0.0", nil)
    ],
  ]

  static func matrix(promotion: [String]?) -> VersionMatrix {
    VersionMatrix.make(
      versions: versions, environments: ["prod-eu", "dev", "prod", "staging"],
      services: ["search", "reports", "checkout"], promotion: promotion)
  }

  static let promotion = ["dev", "staging", "prod", "prod-eu"]

  @Test func promotionOrdersColumnsAndMarksDifferencesFromThePreviousEnvironment() {
    let matrix = Self.matrix(promotion: Self.promotion)
    #expect(matrix.environments == ["dev", "staging", "prod", "prod-eu"])
    #expect(matrix.services == ["checkout", "reports", "search"])
    #expect(matrix.cell("checkout", "dev")?.differsFromPrevious == false)
    #expect(matrix.cell("checkout", "dev")?.promotedFrom == nil)
    #expect(matrix.cell("checkout", "staging")?.differsFromPrevious == true)
    #expect(matrix.cell("checkout", "prod")?.differsFromPrevious == false)
    #expect(matrix.cell("checkout", "prod")?.promotedFrom == "staging")
    #expect(matrix.cell("checkout", "prod-eu")?.differsFromPrevious == true)
    #expect(matrix.cell("reports", "prod")?.differsFromPrevious == true)
    // Nothing to promote from: staging does not run search.
    #expect(matrix.cell("search", "prod")?.differsFromPrevious == false)
    #expect(matrix.cell("reports", "dev") == nil)
  }

  @Test func withoutPromotionColumnsAreSortedAndNothingIsMarked() {
    let matrix = Self.matrix(promotion: nil)
    #expect(matrix.environments == ["dev", "prod", "prod-eu", "staging"])
    #expect(!matrix.hasDifferences)
  }

  @Test func environmentsOutsideThePromotionComeAfterIt() {
    let matrix = VersionMatrix.make(
      versions: [:], environments: ["sandbox", "prod", "dev", "qa"], services: [],
      promotion: ["dev", "prod"])
    #expect(matrix.environments == ["dev", "prod", "qa", "sandbox"])
  }

  @Test func filteringKeepsMarksComputedOnTheWholePlatform() {
    let matrix = Self.matrix(promotion: Self.promotion)
      .filtered(environments: ["prod-eu"], services: ["checkout"])
    #expect(matrix.environments == ["prod-eu"])
    #expect(matrix.services == ["checkout"])
    #expect(matrix.cell("checkout", "prod-eu")?.differsFromPrevious == true)
  }

  @Test func tableMarksAndExplains() {
    #expect(
      VersionMatrixFormatter.table(Self.matrix(promotion: Self.promotion)) == """
        SERVICE   dev     staging  prod    prod-eu
        checkout  1.16.0  1.15.0*  1.15.0  1.14.2*
        reports   -       2.0.0    1.9.0*  -
        search    -       -        3.0.0   -

        * differs from the environment it is promoted from (promotion: dev -> staging -> prod -> prod-eu)

        """)
  }

  @Test func tableWithoutPromotionHasNoLegend() {
    let table = VersionMatrixFormatter.table(Self.matrix(promotion: nil))
    #expect(!table.contains("*"))
    #expect(table.hasPrefix("SERVICE   dev     prod    prod-eu  staging\n"))
  }

  @Test func markdownEscapesTheMark() {
    #expect(
      VersionMatrixFormatter.markdown(Self.matrix(promotion: Self.promotion)) == """
        | service | dev | staging | prod | prod-eu |
        | --- | --- | --- | --- | --- |
        | checkout | 1.16.0 | 1.15.0\\* | 1.15.0 | 1.14.2\\* |
        | reports | - | 2.0.0 | 1.9.0\\* | - |
        | search | - | - | 3.0.0 | - |

        \\* differs from the environment it is promoted from (promotion: dev -> staging -> prod -> prod-eu)

        """)
  }

  @Test func jsonHasEveryCellWithNullForAbsentOnes() {
    let matrix = Self.matrix(promotion: Self.promotion)
      .filtered(environments: ["dev", "staging"], services: ["checkout", "reports"])
    #expect(
      VersionMatrixFormatter.json(matrix) == """
        {
          "environments": [
            "dev",
            "staging"
          ],
          "promotion": [
            "dev",
            "staging",
            "prod",
            "prod-eu"
          ],
          "services": [
            {
              "name": "checkout",
              "versions": [
                {
                  "environment": "dev",
                  "version": "1.16.0",
                  "imageRef": "ghcr.io/acme/checkout:1.16.0",
                  "promotedFrom": null,
                  "differsFromPrevious": false
                },
                {
                  "environment": "staging",
                  "version": "1.15.0",
                  "imageRef": "ghcr.io/acme/checkout:1.15.0",
                  "promotedFrom": "dev",
                  "differsFromPrevious": true
                }
              ]
            },
            {
              "name": "reports",
              "versions": [
                {
                  "environment": "dev",
                  "version": null,
                  "imageRef": null,
                  "promotedFrom": null,
                  "differsFromPrevious": false
                },
                {
                  "environment": "staging",
                  "version": "2.0.0",
                  "imageRef": null,
                  "promotedFrom": "dev",
                  "differsFromPrevious": false
                }
              ]
            }
          ]
        }

        """)
  }

  @Test func digestsAreShortenedInTables() {
    let digest = "sha256:" + String(repeating: "ab", count: 32)
    #expect(VersionMatrixFormatter.text(.init(version: digest)) == "sha256:abababababab")
  }

  @Test func fromAParsedPlatform() {
    let platform = RepositoryFixture.platform([
      "render.yaml": "promotion: [dev, prod]\n",
      "environments/base/environment.yaml": "abstract: true\n",
      "environments/dev/environment.yaml": "inherits: base\nnamespace: shop-dev\n",
      "environments/prod/environment.yaml": """
      inherits: base
      namespace: shop-prod
      services:
        checkout: {version: 1.4.1}
      """,
      "services/search/service.yaml": "template: web\nimage: ghcr.io/acme/search\nversion: 2.0.0\n",
      "environments/dev/search.yaml": "enabled: false\n",
    ])
    let (matrix, diagnostics) = VersionMatrix.make(platform)
    #expect(diagnostics.isEmpty)
    #expect(matrix.environments == ["dev", "prod"])
    #expect(
      matrix.cell("checkout", "dev")
        == .init(version: "1.4.2", imageRef: "ghcr.io/acme/checkout:1.4.2"))
    #expect(
      matrix.cell("checkout", "prod")
        == .init(
          version: "1.4.1", imageRef: "ghcr.io/acme/checkout:1.4.1", promotedFrom: "dev",
          differsFromPrevious: true))
    #expect(matrix.cell("search", "dev") == nil)
    #expect(matrix.cell("search", "prod")?.differsFromPrevious == false)
  }
}
