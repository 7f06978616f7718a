/// Reads the parts of a CustomResourceDefinition that validation needs: group, kind, and
/// each served version's `openAPIV3Schema`.
///
/// Only `apiextensions.k8s.io/v1` is read: v1beta1 CRDs were removed in Kubernetes 1.22,
/// and v1 guarantees a structural schema per version.
enum CRDReader {
  struct Version {
    var apiVersion: String
    var kind: String
    var schema: Node
    /// The version's entry in the CRD, for findings about it.
    var location: SourceLocation
  }

  struct Result {
    /// `metadata.name`, e.g. `widgets.example.com`.
    var name: String
    var versions: [Version] = []
    var diagnostics: [Diagnostic] = []
  }

  static func read(_ crd: Node) -> Result {
    let name = crd["metadata"]?["name"]?.string ?? "(unnamed)"
    var result = Result(name: name)
    func problem(_ message: String, at node: Node?) {
      result.diagnostics.append(.input(message, at: (node ?? crd).location))
    }

    guard crd.isMapping else {
      problem("a CustomResourceDefinition must be a mapping, not \(crd.typeDescription)", at: crd)
      return result
    }
    let apiVersion = crd["apiVersion"]?.string ?? ""
    guard crd["kind"]?.string == "CustomResourceDefinition" else {
      problem(
        "expected a CustomResourceDefinition, found \(crd["kind"]?.string.map { "a \($0)" } ?? "no kind")",
        at: crd["kind"])
      return result
    }
    guard apiVersion == "apiextensions.k8s.io/v1" else {
      problem(
        "CustomResourceDefinition '\(name)' uses apiVersion '\(apiVersion)'; only apiextensions.k8s.io/v1 is supported",
        at: crd["apiVersion"])
      return result
    }
    let spec = crd["spec"]
    guard let group = spec?["group"]?.string, !group.isEmpty else {
      problem("CustomResourceDefinition '\(name)' has no spec.group", at: spec)
      return result
    }
    guard let kind = spec?["names"]?["kind"]?.string, !kind.isEmpty else {
      problem(
        "CustomResourceDefinition '\(name)' has no spec.names.kind", at: spec?["names"] ?? spec)
      return result
    }
    guard let versions = spec?["versions"]?.sequence else {
      problem("CustomResourceDefinition '\(name)' has no spec.versions list", at: spec)
      return result
    }
    for version in versions {
      guard let versionName = version["name"]?.string, !versionName.isEmpty else {
        problem("a version of CustomResourceDefinition '\(name)' has no name", at: version)
        continue
      }
      // A version that is not served cannot be created, so it gets no schema and its
      // resources are reported by the caller as having none.
      guard version["served"]?.bool == true else { continue }
      guard let schema = version["schema"]?["openAPIV3Schema"], schema.isMapping else {
        problem(
          "version \(versionName) of CustomResourceDefinition '\(name)' has no schema.openAPIV3Schema",
          at: version)
        continue
      }
      result.versions.append(
        Version(
          apiVersion: "\(group)/\(versionName)", kind: kind, schema: schema,
          location: version.location))
    }
    return result
  }
}
