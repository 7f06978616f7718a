import RenderKit

/// `set-version` and `promote` after their arguments: the pinning workflow, each step's
/// result printed.
extension VersionPinning {
  /// Loads under the lock, saying so when another render holds it.
  func load(services: [String]) throws -> Loaded {
    try WorkflowFailure.run { () throws(WorkflowError) in
      try load(services: services) { root in
        Console.error("render: another render is writing in \(root); waiting for it to finish...\n")
      }
    }
  }

  /// Plans, validates, writes, re-renders and commits `pins`, printing what it did.
  func apply(_ pins: [VersionPin], loaded: Loaded) async throws {
    try await apply(
      loaded.planner.plan(pins, in: environment, explicit: explicit), pins: pins, loaded: loaded)
  }

  /// `apply` for an already planned change of `pins` (the release-wide version).
  func apply(
    _ planned: Result<SetVersionPlan, DiagnosticList>, pins: [VersionPin], loaded: Loaded
  ) async throws {
    defer { withExtendedLifetime(loaded.lock) {} }
    let prepared = try await WorkflowFailure.run { () async throws(WorkflowError) in
      try await prepare(planned, pins: pins, loaded: loaded) {
        await Session.value(of: loaded.schema)
      }
    }
    let pinned: PinWrite
    switch prepared {
    case .unchanged(let changes):
      let fileNames = loaded.repository.fileNames
      Console.out(changes.map { Self.line(for: $0, fileNames: fileNames) }.joined())
      Console.out("render: nothing to change\(commit ? " or commit" : "")\n")
      return
    case .ready(let ready):
      pinned = ready
    }
    Console.report(pinned.diagnostics, repository: pinned.plan.repository)
    Console.report(pinned.notes, repository: pinned.plan.repository)
    try WorkflowFailure.run { () throws(WorkflowError) in try write(pinned) }
    let fileNames = pinned.plan.repository.fileNames
    Console.out(pinned.plan.changes.map { Self.line(for: $0, fileNames: fileNames) }.joined())
    Console.out(pinned.inherited.map(\.line).joined())
    Console.out(DriftReport.buildSummary(pinned.rendered.diff, tree: pinned.rendered.tree))
    if commit {
      let made = try WorkflowFailure.run { () throws(WorkflowError) in try self.commit(pinned) }
      Console.out("render: committed \(made.hash) \(made.subject)\n")
    }
  }
}
