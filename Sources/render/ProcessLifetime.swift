/// Keeps large values alive until the process exits.
///
/// A compilation of thousands of resources is millions of small objects; releasing them
/// one by one when a command returns costs more than the exit that reclaims them all at
/// once (compilers such as clang skip the same work). Only for values a command holds to
/// its end.
enum ProcessLifetime {
  private final class Box<Value>: Sendable where Value: Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
  }

  static func keep<Value: Sendable>(_ value: Value) {
    _ = Unmanaged.passRetained(Box(value))
  }
}
