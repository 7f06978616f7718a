import Foundation
import TestSupport
import Testing

@testable import RenderKit

/// set-version and promote planning without the binary: the skeleton `render init`
/// writes (dev pins hello 1.27.3-alpine, prod 1.27.2-alpine), pinned through
/// `VersionPinning` step by step.
@Suite struct VersionPinningTests {
  /// A new repository from `render init`'s skeleton in a temporary folder.
  static func skeleton() throws -> TemporaryFolder {
    let folder = try TemporaryFolder(prefix: "render-pinning")
    let plan = try InitPlan.plan(
      root: folder.path, files: ProjectSkeleton.files(argoCD: false, flux: false))
    try plan.write()
    return folder
  }

  static func schema() async -> KubernetesSchema {
    bundledSchema
  }

  static func read(_ path: String) throws -> String {
    try String(contentsOfFile: path, encoding: .utf8)
  }

  @Test func aPinIsPlannedValidatedThenWrittenAndRendered() async throws {
    let folder = try Self.skeleton()
    let root = folder.path
    let pinning = VersionPinning(root: root, environment: "dev", commit: false)
    let loaded = try pinning.load(services: ["hello"]) { _ in }
    let prepared = try await pinning.prepare(
      [VersionPin(service: "hello", version: "1.28.0")], loaded: loaded, schema: Self.schema)
    guard case .ready(let pinned) = prepared else {
      Issue.record("expected a change, got \(prepared)")
      return
    }
    #expect(
      pinned.plan.changes.map {
        VersionPinning.line(for: $0, fileNames: loaded.repository.fileNames)
      } == [
        "dev: hello 1.27.3-alpine -> 1.28.0 (environments/dev/environment.yaml:11)\n"
      ])
    #expect(pinned.plan.editedPaths == ["environments/dev/environment.yaml"])
    #expect(!pinned.diagnostics.hasErrors)
    #expect(pinned.inherited.isEmpty)
    // Prepared is not written: the input still has the old version, rendered/ is absent.
    #expect(try Self.read(root + "/environments/dev/environment.yaml").contains("1.27.3-alpine"))
    #expect(!FileManager.default.fileExists(atPath: root + "/rendered"))

    try pinning.write(pinned)
    let edited = try Self.read(root + "/environments/dev/environment.yaml")
    #expect(edited.contains("version: 1.28.0\n"))
    #expect(!edited.contains("1.27.3-alpine"))
    let versions = try Self.read(root + "/rendered/versions.yaml")
    // Only the environments the pin reaches are rendered.
    #expect(versions.hasSuffix("\ndev:\n  hello: docker.io/nginxinc/nginx-unprivileged:1.28.0\n"))
    #expect(FileManager.default.fileExists(atPath: root + "/rendered/dev/hello"))
    #expect(!FileManager.default.fileExists(atPath: root + "/rendered/prod"))
  }

  @Test func pinningTheVersionAServiceHasChangesNothing() async throws {
    let folder = try Self.skeleton()
    let root = folder.path
    let pinning = VersionPinning(root: root, environment: "prod", commit: false)
    let loaded = try pinning.load(services: ["hello"]) { _ in }
    let prepared = try await pinning.prepare(
      [VersionPin(service: "hello", version: "1.27.2-alpine")], loaded: loaded,
      schema: Self.schema)
    guard case .unchanged(let changes) = prepared else {
      Issue.record("expected no change, got \(prepared)")
      return
    }
    #expect(
      changes.map { VersionPinning.line(for: $0, fileNames: loaded.repository.fileNames) } == [
        "prod: hello is already at 1.27.2-alpine (environments/prod/environment.yaml:15)\n"
      ])
  }

  @Test func unknownNamesAreUsageErrorsThatSuggest() throws {
    let folder = try Self.skeleton()
    let root = folder.path
    #expect {
      _ = try VersionPinning(root: root, environment: "dev", commit: false)
        .load(services: ["helo"]) { _ in }
    } throws: { error in
      guard case WorkflowError.usage(let message) = error else { return false }
      return message.hasPrefix("no service 'helo'") && message.contains("'hello'")
    }
    #expect {
      _ = try VersionPinning(root: root, environment: "prd", commit: false)
        .load(services: ["hello"]) { _ in }
    } throws: { error in
      guard case WorkflowError.usage(let message) = error else { return false }
      return message.hasPrefix("--env: no environment 'prd'") && message.contains("'prod'")
    }
  }

  @Test func aVersionThatIsNeitherTagNorDigestFailsBeforePlanning() {
    #expect(throws: WorkflowError.self) {
      try VersionPinning.checkVersions([VersionPin(service: "hello", version: "1.0 beta")])
    }
    #expect(throws: Never.self) {
      try VersionPinning.checkVersions([VersionPin(service: "hello", version: "1.0.0-rc.1")])
    }
  }

  @Test func promotionPinsWhatTheSourceRuns() throws {
    let folder = try Self.skeleton()
    let root = folder.path
    let loaded = try VersionPinning(root: root, environment: "prod", commit: false)
      .load(services: []) { _ in }
    #expect(Promotion.differingServices(from: "dev", to: "prod", in: loaded) == ["hello"])
    #expect(Promotion.differingServices(from: "dev", to: "dev", in: loaded).isEmpty)
    #expect(
      try Promotion.pins(["hello"], from: "dev", in: loaded) == [
        VersionPin(service: "hello", version: "1.27.3-alpine")
      ])
  }

  @Test func setVersionArgumentsAreOnePairOrKeyValues() throws {
    #expect(
      try VersionPin.pins(arguments: ["checkout", "1.15.0"]) == [
        VersionPin(service: "checkout", version: "1.15.0")
      ])
    #expect(
      try VersionPin.pins(arguments: ["checkout=1.15.0", "catalog=3.3.0"]) == [
        VersionPin(service: "checkout", version: "1.15.0"),
        VersionPin(service: "catalog", version: "3.3.0"),
      ])
    #expect(throws: WorkflowError.self) { try VersionPin.pins(arguments: []) }
    #expect(throws: WorkflowError.self) { try VersionPin.pins(arguments: ["checkout"]) }
    #expect(throws: WorkflowError.self) {
      try VersionPin.pins(arguments: ["checkout=1", "catalog"])
    }
  }
}
