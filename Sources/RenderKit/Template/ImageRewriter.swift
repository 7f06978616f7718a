/// Pins the image of a vendored component: every container whose image is the
/// service's `image` repository (with any tag or digest) gets the resolved version, so
/// `render set-version` and `render promote` work for `manifests:` services too.
struct ImageRewriter {
  let image: String?
  let version: Located<String>?

  /// Pins every matching container of `body`; returns how many it pinned.
  @discardableResult
  func apply(to body: inout Node) -> Int {
    guard let image, let version else { return 0 }
    let reference = ImageReference.reference(image: image, version: version.value)
    var pinned = 0
    rewrite(&body, reference: reference, depth: 0, pinned: &pinned)
    return pinned
  }

  /// Docker Hub names have several spellings: `redis`, `library/redis`,
  /// `docker.io/library/redis` and `index.docker.io/library/redis` are one repository.
  static func canonical(_ repository: String) -> String {
    var name = Substring(repository)
    for prefix in ["index.docker.io/", "docker.io/"] where name.hasPrefix(prefix) {
      name = name.dropFirst(prefix.count)
    }
    if name.hasPrefix("library/") && name.dropFirst("library/".count).firstIndex(of: "/") == nil {
      name = name.dropFirst("library/".count)
    }
    return String(name)
  }

  /// Walks the whole object, since pod specs sit at different depths per kind.
  private func rewrite(_ node: inout Node, reference: String, depth: Int, pinned: inout Int) {
    guard depth < 32, let entries = node.mapping else {
      if var items = node.sequence, depth < 32 {
        for index in items.indices {
          rewrite(&items[index], reference: reference, depth: depth + 1, pinned: &pinned)
        }
        node = Node(.sequence(items), at: node.location)
      }
      return
    }
    for entry in entries {
      if WorkloadKind.containerLists.contains(entry.key), var containers = entry.value.sequence {
        for index in containers.indices {
          if let current = containers[index]["image"]?.string, let image, let version,
            Self.canonical(ImageReference(current).repository) == Self.canonical(image)
          {
            containers[index].set("image", to: .string(reference, at: version.location))
            pinned += 1
          }
        }
        node.set(entry.key, to: Node(.sequence(containers), at: entry.value.location))
      } else if entry.value.isMapping || entry.value.isSequence {
        var child = entry.value
        rewrite(&child, reference: reference, depth: depth + 1, pinned: &pinned)
        node.set(entry.key, to: child)
      }
    }
  }
}
