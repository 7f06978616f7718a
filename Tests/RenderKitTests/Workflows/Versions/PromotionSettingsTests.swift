import Testing

@testable import RenderKit

@Suite struct PromotionSettingsTests {
  static let environments: [String: String?] = [
    "environments/base/environment.yaml": "abstract: true\n",
    "environments/dev/environment.yaml": "inherits: base\n",
    "environments/staging/environment.yaml": "inherits: base\n",
  ]

  static func findings(_ renderYAML: String) -> [String] {
    var files = environments
    files["render.yaml"] = renderYAML
    return RepositoryFixture.findings(files)
  }

  @Test func aListOfEnvironmentsIsRead() {
    var files = Self.environments
    files["render.yaml"] = "promotion: [dev, staging, prod]\n"
    let platform = RepositoryFixture.platform(files)
    #expect(platform.settings.promotion?.map(\.value) == ["dev", "staging", "prod"])
  }

  @Test func withoutItThereIsNoPromotion() {
    #expect(RepositoryFixture.platform([:]).settings.promotion == nil)
  }

  @Test func anUnknownEnvironmentIsAnErrorWithADidYouMean() {
    #expect(
      Self.findings("promotion: [dev, stagin, prod]\n") == [
        "render.yaml:1:18: 'promotion' in render.yaml names environment 'stagin', which does not exist; did you mean 'staging'?"
      ])
  }

  @Test func abstractAndRepeatedEnvironmentsAreErrors() {
    #expect(
      Self.findings("promotion: [base, dev, prod, dev]\n") == [
        "render.yaml:1:13: 'promotion' in render.yaml names environment 'base', which is abstract: it is never rendered",
        "render.yaml:1:30: 'promotion' in render.yaml lists environment 'dev' twice",
      ])
  }

  @Test func itMustBeAListOfStrings() {
    #expect(
      Self.findings("promotion: dev\n") == [
        "render.yaml:1:12: 'promotion' in render.yaml must be a list, not a string (\"dev\")"
      ])
  }
}
