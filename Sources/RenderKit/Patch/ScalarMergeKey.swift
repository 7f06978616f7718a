/// A scalar as a lookup key for merge keys and primitive lists: integral floats become
/// integers, so `8080` and `8080.0` are the same port, as in JSON.
struct ScalarMergeKey: Hashable, CustomStringConvertible {
  let scalar: Scalar

  init?(_ node: Node?) {
    guard var scalar = node?.scalar else { return nil }
    if case .float(let value) = scalar, value.rounded() == value,
      value >= -9_007_199_254_740_992, value <= 9_007_199_254_740_992
    {
      scalar = .int(Int(value))
    }
    self.scalar = scalar
  }

  var description: String { "'\(scalar.canonicalText)'" }
}
