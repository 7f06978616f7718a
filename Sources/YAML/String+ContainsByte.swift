#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension String {
  /// Whether the UTF-8 bytes include `byte` (an ASCII byte, so never part of a longer
  /// character): one `memchr`. `utf8.contains(_:)` is a generic sequence algorithm that
  /// debug builds (`swift run`) run unspecialised, a few calls per byte, and the
  /// emitter and the template renderer ask this of every scalar and key.
  public func containsByte(_ byte: UInt8) -> Bool {
    var text = self
    return text.withUTF8 { bytes in
      guard let base = bytes.baseAddress else { return false }
      return memchr(base, Int32(byte), bytes.count) != nil
    }
  }
}
