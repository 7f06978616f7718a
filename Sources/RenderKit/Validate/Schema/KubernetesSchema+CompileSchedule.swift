extension KubernetesSchema {
  /// When `load` compiles the definitions.
  public enum CompileSchedule: Sendable {
    /// All at once, reporting every problem: for schemas a user supplies.
    case eagerly
    /// Each when first used: for the bundle, which a test compiles whole.
    case onFirstUse
  }
}
