import Foundation
import Testing

/// `render versions`: the service x environment matrix from the resolved inputs.
@Suite struct VersionsTests {
  /// The shop with a staging environment, a promotion order, and api held back in prod.
  static var promotedShop: [String: String] {
    var files = Fixture.shop
    files["render.yaml"] = "output: rendered\npromotion: [dev, staging, prod]\n"
    files["environments/staging/environment.yaml"] = "inherits: base\nnamespace: shop-staging\n"
    files["environments/prod/api.yaml"] = "version: 0.9.0\n"
    return files
  }

  @Test func tableInPromotionOrderWithAMarkAndALegend() throws {
    let repository = try GitScratchRepository(Self.promotedShop)
    let result = try repository.render("versions")
    #expect(result.status == 0, "\(result.transcript)")
    #expect(
      result.stdout == """
        SERVICE  dev    staging  prod
        api      1.0.0  1.0.0    0.9.0*
        web      2.0.0  2.0.0    2.0.0

        * differs from the environment it is promoted from (promotion: dev -> staging -> prod)

        """)
  }

  @Test func jsonSaysWhichCellDiffers() throws {
    let repository = try GitScratchRepository(Self.promotedShop)
    let result = try repository.render("versions", "--format", "json", "--service", "api")
    #expect(result.status == 0, "\(result.transcript)")
    let document =
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    #expect(document?["environments"] as? [String] == ["dev", "staging", "prod"])
    let services = document?["services"] as? [[String: Any]]
    #expect(services?.count == 1)
    let cells = services?.first?["versions"] as? [[String: Any]] ?? []
    #expect(cells.map { $0["version"] as? String } == ["1.0.0", "1.0.0", "0.9.0"])
    #expect(cells.map { $0["differsFromPrevious"] as? Bool } == [false, false, true])
    #expect(cells.last?["promotedFrom"] as? String == "staging")
    #expect(cells.last?["imageRef"] as? String == "ghcr.io/acme/api:0.9.0")
  }

  @Test func withoutPromotionColumnsAreSortedAndUnmarked() throws {
    var files = Self.promotedShop
    files["render.yaml"] = nil
    let repository = try GitScratchRepository(files)
    try repository.write(["environments/dev/web.yaml": "enabled: false\n"])
    let result = try repository.render("versions", "--format", "markdown")
    #expect(result.status == 0, "\(result.transcript)")
    #expect(
      result.stdout == """
        | service | dev | prod | staging |
        | --- | --- | --- | --- |
        | api | 1.0.0 | 0.9.0 | 1.0.0 |
        | web | - | 2.0.0 | 2.0.0 |

        """)
  }

  @Test func anUnknownEnvironmentInPromotionIsAnError() throws {
    var files = Self.promotedShop
    files["render.yaml"] = "promotion: [dev, stagng, prod]\n"
    let repository = try GitScratchRepository(files)
    let result = try repository.render("versions")
    #expect(result.status == 1, "\(result.transcript)")
    #expect(
      result.errors == [
        "render.yaml:1:18: error[input]: 'promotion' in render.yaml names environment 'stagng', which does not exist; did you mean 'staging'?"
      ])
  }

  @Test func versionsIsInTheHelp() throws {
    let result = try RenderBinary.run(["versions", "--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("render versions --format markdown"))
  }
}
