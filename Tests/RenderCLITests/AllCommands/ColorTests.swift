import Foundation
import Testing

/// `--color auto|always|never`: colour where it helps, never where it gets in the way.
@Suite struct ColorTests {
  static let escape = "\u{1B}["

  @Test func alwaysHighlightsPendingPromotionsInVersions() throws {
    let repository = try GitScratchRepository(VersionsTests.promotedShop)
    let result = try repository.render("versions", "--color", "always")
    #expect(result.status == 0, "\(result.transcript)")
    #expect(result.stdout.contains("\u{1B}[1;33m0.9.0*\u{1B}[0m"))
    #expect(result.stdout.components(separatedBy: "\u{1B}[1;33m").count == 2)
  }

  @Test func alwaysColoursFindingsEvenWithNoColorSet() throws {
    let repository = try TemporaryRepository(Fixture.shop)
    try repository.append("services/api/service.yaml", "colour: blue\n")
    let result = try repository.render(
      ["validate", "--color", "always"], environment: ["NO_COLOR": "1"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("\u{1B}[1;31merror\u{1B}[0m"))
  }

  @Test func neverAndAutoOffATerminalPrintNoEscapes() throws {
    let repository = try TemporaryRepository(VersionsTests.promotedShop)
    for arguments in [["versions", "--color", "never"], ["versions"]] {
      let result = try repository.render(arguments, environment: ["NO_COLOR": ""])
      #expect(result.status == 0, "\(result.transcript)")
      #expect(!result.stdout.contains(Self.escape))
    }
  }

  @Test func anUnknownModeIsAUsageError() throws {
    let repository = try TemporaryRepository(Fixture.shop)
    let result = try repository.render("versions", "--color", "sometimes")
    #expect(result.status == 64)
  }
}
