/// A container image reference taken apart: `registry:5000/repo/name:tag@sha256:...`.
///
/// Only what `image-tag` needs: the tag is the part after the last `:` of the last path
/// segment (a `:` before the last `/` is a registry port), the digest the part after `@`.
struct ImageReference: Equatable {
  var repository: String
  var tag: String?
  var digest: String?

  init(_ reference: String) {
    var rest = Substring(reference)
    if let at = rest.firstIndex(of: "@") {
      digest = String(rest[rest.index(after: at)...])
      rest = rest[..<at]
    }
    let lastSlash = rest.lastIndex(of: "/")
    if let colon = rest.lastIndex(of: ":"), lastSlash.map({ colon > $0 }) ?? true {
      tag = String(rest[rest.index(after: colon)...])
      rest = rest[..<colon]
    }
    repository = String(rest)
  }
}
