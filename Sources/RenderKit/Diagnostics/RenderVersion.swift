/// The version of render, as `render --version` prints it and as reporters name the tool
/// (SARIF's `tool.driver.version`).
public enum RenderVersion {
  public static let current = "0.1.0"
}
