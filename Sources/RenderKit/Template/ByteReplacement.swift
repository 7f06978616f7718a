/// The `replace`, `trimPrefix` and `trimSuffix` filters, on UTF-8 bytes.
///
/// Swift's `replacing(_:with:)` compares characters (grapheme clusters) and took 12.8 s
/// on a 10 MB value; this is one linear pass (Knuth-Morris-Pratt, so a needle like
/// `aaab` in `aaaa…` is no slower). Matching bytes is also what Kubernetes tooling does:
/// a needle that is valid UTF-8 can only match at character boundaries, and `e` does not
/// match inside `é`, whichever way `é` was written.
enum ByteReplacement {
  /// `text` with every non-overlapping `old` replaced by `new`; `nil` when the result
  /// would be longer than `limit` bytes (a short needle and a long replacement multiply).
  static func replacing(
    _ old: String, with new: String, in text: String, limit: Int = .max
  ) -> String? {
    let needle = Array(old.utf8)
    guard !needle.isEmpty, text.utf8.count >= needle.count else { return text }
    let failure = failureTable(needle)
    let replacement = Array(new.utf8)
    var output: [UInt8] = []
    var replaced = false
    var tooLong = false
    var contiguous = text
    contiguous.withUTF8 { haystack in
      output.reserveCapacity(haystack.count)
      var matched = 0
      var copiedUpTo = 0
      for index in 0..<haystack.count {
        let byte = haystack[index]
        while matched > 0 && needle[matched] != byte { matched = failure[matched - 1] }
        if needle[matched] == byte { matched += 1 }
        if matched == needle.count {
          let start = index + 1 - needle.count
          guard output.count + (start - copiedUpTo) + replacement.count <= limit else {
            tooLong = true
            return
          }
          output.append(contentsOf: haystack[copiedUpTo..<start])
          output.append(contentsOf: replacement)
          copiedUpTo = index + 1
          matched = 0  // matches do not overlap
          replaced = true
        }
      }
      output.append(contentsOf: haystack[copiedUpTo..<haystack.count])
    }
    if tooLong || output.count > limit { return nil }
    return replaced ? String(decoding: output, as: UTF8.self) : text
  }

  /// `failure[i]`: the length of the longest proper prefix of `needle[0...i]` that is
  /// also its suffix.
  private static func failureTable(_ needle: [UInt8]) -> [Int] {
    var failure = Array(repeating: 0, count: needle.count)
    var length = 0
    var index = 1
    while index < needle.count {
      if needle[index] == needle[length] {
        length += 1
        failure[index] = length
        index += 1
      } else if length > 0 {
        length = failure[length - 1]
      } else {
        failure[index] = 0
        index += 1
      }
    }
    return failure
  }

  /// `text` without `prefix` when it starts with its bytes.
  static func trimmingPrefix(_ prefix: String, from text: String) -> String {
    guard !prefix.isEmpty, text.utf8.starts(with: prefix.utf8) else { return text }
    return String(decoding: text.utf8.dropFirst(prefix.utf8.count), as: UTF8.self)
  }

  /// `text` without `suffix` when it ends with its bytes.
  static func trimmingSuffix(_ suffix: String, from text: String) -> String {
    let count = suffix.utf8.count
    guard count > 0, text.utf8.count >= count,
      text.utf8.suffix(count).elementsEqual(suffix.utf8)
    else { return text }
    return String(decoding: text.utf8.dropLast(count), as: UTF8.self)
  }
}
