import TestSupport
import Testing

@testable import RenderKit

/// A target, written as the `target:` mapping of a patch, and the resources it selects.
struct TargetCase: Sendable, CustomTestStringConvertible {
  var target: String
  var selected: [String]

  var testDescription: String { target }
}

extension PatchTests {
  @Suite struct PatchTargetTests {
    /// `Kind/name@service` for each resource; `@-` for an environment's own resource.
    static let resources: [(String, String, String, String?, String)] = [
      ("apps/v1", "Deployment", "checkout", "checkout", "{app: checkout, tier: web}"),
      ("v1", "Service", "checkout", "checkout", "{app: checkout}"),
      ("apps/v1", "Deployment", "checkout-worker", "checkout", "{app: checkout, tier: worker}"),
      ("apps/v1", "Deployment", "cart", "cart", "{app: cart, tier: web}"),
      ("batch/v1", "CronJob", "cart-cleanup", "cart", "{}"),
      ("v1", "ConfigMap", "shared", nil, "{owner: platform}"),
    ]

    func resources() throws -> [Resource] {
      try Self.resources.map { apiVersion, kind, name, service, labels in
        try PatchTestSupport.resource(
          "apiVersion: \(apiVersion)\nkind: \(kind)\nmetadata: {name: \(name), labels: \(labels)}\n",
          service: service)
      }
    }

    static let cases: [TargetCase] = [
      TargetCase(
        target: "{}",
        selected: [
          "Deployment/checkout", "Service/checkout", "Deployment/checkout-worker",
          "Deployment/cart", "CronJob/cart-cleanup", "ConfigMap/shared",
        ]),
      TargetCase(
        target: "{kind: Deployment}",
        selected: ["Deployment/checkout", "Deployment/checkout-worker", "Deployment/cart"]),
      TargetCase(target: "{kind: deployment}", selected: []),
      TargetCase(
        target: "{name: checkout}", selected: ["Deployment/checkout", "Service/checkout"]),
      TargetCase(
        target: "{name: \"check*\"}",
        selected: ["Deployment/checkout", "Service/checkout", "Deployment/checkout-worker"]),
      TargetCase(target: "{name: \"*-worker\"}", selected: ["Deployment/checkout-worker"]),
      TargetCase(target: "{name: \"c*t*p\"}", selected: ["CronJob/cart-cleanup"]),
      TargetCase(
        target: "{name: \"*\"}",
        selected: [
          "Deployment/checkout", "Service/checkout", "Deployment/checkout-worker",
          "Deployment/cart", "CronJob/cart-cleanup", "ConfigMap/shared",
        ]),
      TargetCase(target: "{name: \"cart*cart\"}", selected: []),
      TargetCase(
        target: "{kind: Deployment, name: \"c*\", service: cart}", selected: ["Deployment/cart"]),
      TargetCase(
        target: "{service: \"*\"}",
        selected: [
          "Deployment/checkout", "Service/checkout", "Deployment/checkout-worker",
          "Deployment/cart", "CronJob/cart-cleanup",
        ]),
      TargetCase(target: "{apiVersion: v1}", selected: ["Service/checkout", "ConfigMap/shared"]),
      TargetCase(
        target: "{group: apps}",
        selected: ["Deployment/checkout", "Deployment/checkout-worker", "Deployment/cart"]),
      TargetCase(target: "{group: \"\"}", selected: ["Service/checkout", "ConfigMap/shared"]),
      TargetCase(
        target: "{labelSelector: \"tier=web\"}",
        selected: ["Deployment/checkout", "Deployment/cart"]),
      TargetCase(
        target: "{labelSelector: \"app=checkout,tier!=worker\"}",
        selected: ["Deployment/checkout", "Service/checkout"]),
      TargetCase(
        target: "{labelSelector: \"tier in (web, worker), app notin (cart)\"}",
        selected: ["Deployment/checkout", "Deployment/checkout-worker"]),
      TargetCase(
        target: "{labelSelector: \"!tier\", kind: CronJob}", selected: ["CronJob/cart-cleanup"]),
      TargetCase(target: "{labelSelector: owner}", selected: ["ConfigMap/shared"]),
    ]

    @Test(arguments: cases)
    func selects(_ test: TargetCase) throws {
      let (target, diagnostics) = PatchParser.parseTarget(
        try PatchTestSupport.yaml(test.target), subject: "service.yaml")
      #expect(diagnostics.isEmpty, "\(diagnostics)")
      let parsed = try #require(target)
      let selected = try resources().filter(parsed.matches).map(\.displayName)
      #expect(selected == test.selected)
    }

    @Test(arguments: [
      ("checkout", "checkout", true), ("check*", "checkout", true), ("*out", "checkout", true),
      ("*", "", true), ("c*x*t", "checkout", false), ("ch*ck*ut", "checkout", true),
      ("a*a", "a", false), ("a*a", "aa", true), ("**", "x", true), ("check", "checkout", false),
    ])
    func globs(pattern: String, text: String, matches: Bool) {
      #expect(Glob(pattern).matches(text) == matches)
    }

    @Test func describesItselfInFlowStyle() {
      let target = PatchTarget(kind: "Deployment", name: "check*", service: "checkout")
      #expect(target.description == "{kind: Deployment, name: check*, service: checkout}")
      #expect(PatchTarget().description == "{}")
    }

    @Test(arguments: [
      ("a=b,", "expected a label key at character 5"),
      ("a in b", "expected '(' at character 6"),
      ("a in (b", "expected ',' or ')' at character 8"),
      ("a b", "expected '=', '!=', 'in' or 'notin' after 'a' at character 3"),
      ("a > 1", "unexpected '>' at character 3"),
      ("", "the selector is empty"),
    ])
    func rejectsBadSelectors(text: String, message: String) {
      #expect(throws: LabelSelectorError(message)) { try LabelSelector(parsing: text) }
    }
  }
}
