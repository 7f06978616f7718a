/// All the problems found in one file.
public struct YAMLParseFailure: Error, Sendable {
  public var errors: [YAMLError]
}
