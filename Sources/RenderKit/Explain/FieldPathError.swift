/// Why a field path does not parse.
public struct FieldPathError: Error, CustomStringConvertible {
  public var description: String
  init(_ description: String) { self.description = description }
}
