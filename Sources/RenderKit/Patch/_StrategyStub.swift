public enum StrategyProvider {
  struct ReplaceAll: MergeStrategyProvider {
    func listStrategy(apiVersion: String, kind: String, path: [String]) -> ListMergeStrategy {
      .replace
    }
  }
  public static let shared: any MergeStrategyProvider = ReplaceAll()
}
extension StrategyProvider {
  public static func bundled() throws -> any MergeStrategyProvider { shared }
}
