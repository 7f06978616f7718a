/// One file render owns in the output folder.
public struct OutputFile: Sendable, Equatable {
  /// The path inside the output folder: `prod/checkout/deployment-checkout.yaml`.
  public var path: String
  public var contents: [UInt8]

  public init(path: String, contents: [UInt8]) {
    self.path = path
    self.contents = contents
  }
}
