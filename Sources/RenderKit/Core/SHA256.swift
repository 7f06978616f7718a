import CRenderSystem

/// SHA-256 (FIPS 180-4), for the `sha256` filter (config checksums in pod annotations)
/// and the checksum in every generated file's header.
///
/// Computed by `render_sha256` in CRenderSystem (with the SHA instructions of x86-64
/// CPUs that have them) rather than taken from a crypto package:
/// render needs one pure function and keeps its dependencies few, and C runs at a
/// useful speed in the debug builds `swift run render` makes.
enum SHA256 {
  /// The 32-byte digest of `message`.
  static func digest(_ message: [UInt8]) -> [UInt8] {
    digest(message, by: render_sha256)
  }

  /// The digest by the portable code even where the CPU has SHA instructions, so tests
  /// cover both.
  static func portableDigest(_ message: [UInt8]) -> [UInt8] {
    digest(message, by: render_sha256_portable)
  }

  private static func digest(
    _ message: [UInt8],
    by function: (UnsafePointer<UInt8>?, Int, UnsafeMutablePointer<UInt8>?) -> Void
  ) -> [UInt8] {
    var digest = [UInt8](repeating: 0, count: 32)
    message.withUnsafeBufferPointer { bytes in
      digest.withUnsafeMutableBufferPointer { output in
        function(bytes.baseAddress, bytes.count, output.baseAddress)
      }
    }
    return digest
  }

  /// The lowercase hex digest of the UTF-8 bytes of `text`.
  static func hexDigest(of text: String) -> String {
    hex(digest(Array(text.utf8)))
  }

  /// Lowercase hex digits, two per byte.
  static func hex(_ bytes: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var output: [UInt8] = []
    for byte in bytes {
      output.append(digits[Int(byte >> 4)])
      output.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: output, as: UTF8.self)
  }
}
