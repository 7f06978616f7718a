extension SchemaCompiler {
  /// The nodes every schema set shares: compiled once, referred to by index.
  enum SharedNode: Hashable {
    case anything
    case nothing
    case string
    case object
  }
}
