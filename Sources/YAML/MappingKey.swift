#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A mapping key compared and hashed by its UTF-8 bytes.
///
/// Kubernetes, JSON and YAML compare keys as code points, while Swift's `String ==` and
/// `String` hashing use canonical equivalence: `"é"` (NFC, U+00E9) and `"e\u{301}"` (NFD)
/// would be one key, reported as duplicates or merged across layers. Every key set,
/// duplicate check and merge goes through this type or `String.hasSameBytes(as:)`.
public struct MappingKey: Hashable, Sendable {
  public let text: String

  public init(_ text: String) {
    self.text = text
  }

  public static func == (lhs: MappingKey, rhs: MappingKey) -> Bool {
    lhs.text.hasSameBytes(as: rhs.text)
  }

  public func hash(into hasher: inout Hasher) {
    var text = text
    text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }
}

extension String {
  /// Whether the two strings have the same UTF-8 bytes: how keys are compared (see
  /// `MappingKey`). Canonically equivalent strings with different bytes are different.
  @inlinable
  public func hasSameBytes(as other: String) -> Bool {
    // The hottest comparison of a build (every key lookup). Equal bytes are equal
    // strings, so `==` (the standard library's own compiled code, fast in debug builds
    // too) answers most lookups' misses; what it calls equal is then compared byte by
    // byte, since canonically equivalent strings are `==` with different bytes. Native
    // strings always have contiguous UTF-8.
    guard self == other else { return false }
    let mine = utf8
    let theirs = other.utf8
    guard mine.count == theirs.count else { return false }
    // memcmp, not `elementsEqual`: the generic sequence comparison is specialised only in
    // optimised builds, and unspecialised (`swift run`) it cost a third of validation.
    let inPlace = mine.withContiguousStorageIfAvailable { left in
      theirs.withContiguousStorageIfAvailable { right in
        guard let leftBase = left.baseAddress, let rightBase = right.baseAddress else {
          return true  // both empty: the counts are equal
        }
        return memcmp(leftBase, rightBase, left.count) == 0
      }
    }
    if let inPlace, let equal = inPlace { return equal }
    return mine.elementsEqual(theirs)
  }
}
