/// The resource an API server check looks at, and the findings it collects: each one is
/// reported the way the API server words it (`spec.replicas: Invalid value: -1: must be
/// greater than or equal to 0`), at the input line that produced the field.
struct APIServerObject {
  /// What the checks read, behind one reference: a check reads it field by field, and a
  /// struct of structs would be copied (every reference in it retained) on each read in
  /// debug builds.
  private final class Facts: Sendable {
    let context: ValidationContext
    let resource: RenderedResource
    let pod: PodTemplate?
    let body: Node
    let kind: String
    let group: String
    let groupKind: String
    /// `metadata` and `spec`, where most paths start: found once, not once per check.
    let metadata: Node?
    let spec: Node?

    init(_ index: Int, in context: ValidationContext) {
      self.context = context
      resource = context.resources[index]
      pod = context.podTemplates[index]
      body = resource.body
      kind = resource.kind
      group = resource.group
      groupKind = "\(group)/\(kind)"
      metadata = body["metadata"]
      spec = body["spec"]
    }
  }

  private let facts: Facts
  private(set) var findings: [Diagnostic] = []

  init(_ index: Int, in context: ValidationContext) {
    facts = Facts(index, in: context)
  }

  var context: ValidationContext { facts.context }
  var resource: RenderedResource { facts.resource }
  /// The pod template, for the kinds that run pods.
  var pod: PodTemplate? { facts.pod }
  var body: Node { facts.body }
  var kind: String { facts.kind }
  var group: String { facts.group }
  /// `group/Kind`, as `APIServerCheck.kinds` names kinds.
  var groupKind: String { facts.groupKind }

  /// The resource's `metadata` and `spec`. The checks that run on every resource read
  /// their fields from these with `field(_:_:)`, and make a path only for a finding:
  /// building paths and walking them from the root for every field was most of the
  /// rule's time in debug builds.
  var metadata: Node? { facts.metadata }
  var spec: Node? { facts.spec }

  /// The value of `key` in `node`, when it is there and not null.
  func field(_ node: Node?, _ key: String) -> Node? {
    guard let value = node?[key], !value.isNull else { return nil }
    return value
  }

  /// The node at `path`, when it is there and not null.
  func value(at path: [PathComponent]) -> Node? {
    let found: Node?
    if path.count > 1, case .key(let first) = path[0], first == "metadata" || first == "spec" {
      found = (first == "spec" ? facts.spec : facts.metadata)?.value(at: path, from: 1)
    } else {
      found = facts.body.value(at: path)
    }
    guard let node = found, !node.isNull else { return nil }
    return node
  }

  mutating func report(_ path: [PathComponent], _ detail: String, help: String) {
    findings.append(
      facts.context.finding(
        APIServerRule.ruleID, "\(path.dottedPath): \(detail)", in: facts.resource, at: path,
        help: help))
  }

  /// `field: Required value`, with an optional reason.
  mutating func required(_ path: [PathComponent], _ detail: String = "", help: String) {
    report(path, detail.isEmpty ? "Required value" : "Required value: \(detail)", help: help)
  }

  /// `field: Invalid value: "x": why`.
  mutating func invalid(_ path: [PathComponent], _ value: Node, _ detail: String, help: String) {
    report(path, "Invalid value: \(Self.goValue(value)): \(detail)", help: help)
  }

  /// `field: Unsupported value: "x": supported values: "a", "b"`.
  mutating func unsupported(
    _ path: [PathComponent], _ value: Node, supported: [String], help: String? = nil
  ) {
    let list = supported.map { "\"\($0)\"" }.joined(separator: ", ")
    report(
      path, "Unsupported value: \(Self.goValue(value)): supported values: \(list)",
      help: help ?? "use one of \(list)")
  }

  /// `field: Duplicate value: "x"`.
  mutating func duplicate(_ path: [PathComponent], _ value: Node, help: String) {
    report(path, "Duplicate value: \(Self.goValue(value))", help: help)
  }

  /// `field: Forbidden: why`.
  mutating func forbidden(_ path: [PathComponent], _ detail: String, help: String) {
    report(path, "Forbidden: \(detail)", help: help)
  }

  /// `field: Not found: "x"`.
  mutating func notFound(_ path: [PathComponent], _ value: Node, help: String) {
    report(path, "Not found: \(Self.goValue(value))", help: help)
  }

  /// A value as the API server quotes it: strings in double quotes, numbers and
  /// booleans bare, maps and lists as `{...}` and `[...]`.
  static func goValue(_ node: Node) -> String {
    switch node.scalar {
    case .string(let text)?: return "\"\(text)\""
    case let scalar?: return scalar.canonicalText
    case nil: return node.isMapping ? "{...}" : "[...]"
    }
  }
}
