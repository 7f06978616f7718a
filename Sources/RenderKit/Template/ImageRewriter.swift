/// Pins the image of a vendored component: every container whose image is the
/// service's `image` repository (with any tag or digest) gets the resolved version, so
/// `render set-version` and `render promote` work for `manifests:` services too.
struct ImageRewriter {
  let image: String?
  let version: Located<String>?

  private static let containerLists = ["containers", "initContainers", "ephemeralContainers"]

  func apply(to body: inout Node) {
    guard let image, let version else { return }
    let reference =
      version.value.hasPrefix("sha256:") ? "\(image)@\(version.value)" : "\(image):\(version.value)"
    rewrite(&body, reference: reference, depth: 0)
  }

  private func repository(of reference: String) -> String {
    if let at = reference.firstIndex(of: "@") { return String(reference[..<at]) }
    let lastSlash = reference.lastIndex(of: "/")
    if let colon = reference.lastIndex(of: ":"), lastSlash.map({ colon > $0 }) ?? true {
      return String(reference[..<colon])
    }
    return reference
  }

  /// Walks the whole object, since pod specs sit at different depths per kind.
  private func rewrite(_ node: inout Node, reference: String, depth: Int) {
    guard depth < 32, let entries = node.mapping else {
      if var items = node.sequence, depth < 32 {
        for index in items.indices { rewrite(&items[index], reference: reference, depth: depth + 1) }
        node = Node(.sequence(items), at: node.location)
      }
      return
    }
    for entry in entries {
      if Self.containerLists.contains(entry.key), var containers = entry.value.sequence {
        for index in containers.indices {
          if let current = containers[index]["image"]?.string, repository(of: current) == image,
            let version
          {
            containers[index].set("image", to: .string(reference, at: version.location))
          }
        }
        node.set(entry.key, to: Node(.sequence(containers), at: entry.value.location))
      } else if entry.value.isMapping || entry.value.isSequence {
        var child = entry.value
        rewrite(&child, reference: reference, depth: depth + 1)
        node.set(entry.key, to: child)
      }
    }
  }
}
