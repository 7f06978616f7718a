import Testing

@testable import RenderKit

@Suite struct SuggestionTests {
  @Test(arguments: [
    ("nmae", "name"), ("replicsa", "replicas"), ("imagePullPolicyy", "imagePullPolicy"),
    ("Deploymnet", "Deployment"), ("prodd", "prod"), ("PORT", "port"),
  ])
  func suggestsNearNames(_ typo: String, _ expected: String) {
    let candidates = ["name", "replicas", "imagePullPolicy", "Deployment", "prod", "port", "image"]
    #expect(Suggestion.nearest(to: typo, in: candidates) == expected)
  }

  @Test func farNamesGetNoSuggestion() {
    #expect(Suggestion.nearest(to: "zzz", in: ["name", "image"]) == nil)
    #expect(Suggestion.didYouMean("completely", in: ["name"]) == "")
  }

  @Test func distances() {
    #expect(Suggestion.editDistance("", "abc") == 3)
    #expect(Suggestion.editDistance("abc", "abc") == 0)
    #expect(Suggestion.editDistance("ab", "ba") == 1)
    #expect(Suggestion.editDistance("kitten", "sitting") == 3)
  }
}
