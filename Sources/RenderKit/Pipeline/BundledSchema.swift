/// The bundled Kubernetes schemas, compiled on another core from the moment this is
/// made: a command that will compile makes one first and passes it on, so the schemas
/// are ready when the repository has been read.
public final class BundledSchema: Sendable {
  private let compiling: Task<KubernetesSchema, any Error>

  /// Starts compiling the schemas in the background.
  public init() {
    compiling = Task.detached(priority: .userInitiated) {
      try KubernetesSchema.loadBundled()
    }
  }

  /// The schemas, waiting for the compile; an error here is a bug in render (the
  /// bundle ships with it), not the user's input.
  public func value() async throws -> KubernetesSchema {
    try await compiling.value
  }
}
