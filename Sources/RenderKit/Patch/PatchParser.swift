/// Reads `patches:` lists (section 4 of SPEC.md) into `Patch` values.
///
/// Everything that can be checked without the resources is checked here, once, with
/// the patch file's line and column: the shape of each patch, its target, each JSON
/// patch operation and pointer. Strategic merge directives depend on the resource's
/// list strategies and are checked by `StrategicMerge` when applied.
public enum PatchParser {
  /// Reads a `patches:` list from service.yaml, environment.yaml or an override;
  /// `subject` names it for messages ("services/checkout/service.yaml").
  ///
  /// Invalid patches are left out of the result and reported; valid ones are kept, so
  /// one run reports every problem.
  public static func parse(
    _ patches: Node, subject: String
  ) -> (
    patches: [Patch], diagnostics: [Diagnostic]
  ) {
    if patches.isNull { return ([], []) }
    guard let items = patches.sequence else {
      return (
        [],
        [
          .input(
            "'patches' in \(subject) must be a list, not \(patches.valueDescription)",
            at: patches.location)
        ]
      )
    }
    var result: [Patch] = []
    var diagnostics: [Diagnostic] = []
    for item in items {
      let (patch, found) = parsePatch(item, subject: subject)
      if let patch { result.append(patch) }
      diagnostics += found
    }
    return (result, diagnostics)
  }

  /// "a mapping", "an integer (3)": the type, and the value when it is short, as
  /// `FieldReader` says it.

  static func parsePatch(_ node: Node, subject: String) -> (Patch?, [Diagnostic]) {
    var reader = FieldReader(node, subject: "a patch in \(subject)")
    guard node.isMapping else { return (nil, reader.finish()) }
    var valid = true

    var target = PatchTarget(location: node.location)
    if let targetNode = reader.value("target"), !targetNode.isNull {
      let (parsed, found) = parseTarget(targetNode, subject: subject)
      reader.report(found)
      if let parsed { target = parsed } else { valid = false }
    }

    let isOptional = reader.bool("optional")?.value ?? false
    var operation: PatchOperation?
    switch (reader.entry("merge"), reader.entry("json")) {
    case (.some, .some(let json)):
      reader.report(
        .input(
          "a patch in \(subject) has both 'merge' and 'json'", at: json.keyLocation,
          help: "write them as two patches with the same target"))
    case (.none, .none):
      reader.report(
        .input(
          "a patch in \(subject) needs 'merge' (a strategic merge patch) or 'json' (a JSON patch)",
          at: node.location))
    case (.some(let merge), .none):
      if merge.value.isMapping {
        operation = .merge(merge.value)
      } else {
        reader.report(
          .input(
            "'merge' in a patch in \(subject) must be a mapping (a strategic merge patch), not \(merge.value.valueDescription)",
            at: merge.value.location))
      }
    case (.none, .some(let json)):
      if let items = json.value.sequence {
        var operations: [JSONPatchOperation] = []
        for item in items {
          let (parsed, found) = parseOperation(item, subject: subject)
          reader.report(found)
          if let parsed { operations.append(parsed) } else { valid = false }
        }
        operation = .json(operations)
      } else {
        reader.report(
          .input(
            "'json' in a patch in \(subject) must be a list of JSON patch operations, not \(json.value.valueDescription)",
            at: json.value.location,
            help: "write it as a list: json: [{op: add, path: /spec/..., value: ...}]"))
      }
    }

    let diagnostics = reader.finish()
    guard valid, let operation else { return (nil, diagnostics) }
    return (
      Patch(target: target, operation: operation, location: node.location, isOptional: isOptional),
      diagnostics
    )
  }

  static func parseTarget(_ node: Node, subject: String) -> (PatchTarget?, [Diagnostic]) {
    var reader = FieldReader(node, subject: "a patch target in \(subject)")
    let kind = reader.string("kind")
    let apiVersion = reader.string("apiVersion")
    let group = reader.string("group")
    let name = reader.string("name")
    let service = reader.string("service")
    var selector: LabelSelector?
    var valid = node.isMapping
    if let text = reader.string("labelSelector") {
      do {
        selector = try LabelSelector(parsing: text.value)
      } catch {
        valid = false
        reader.report(
          .input("invalid labelSelector '\(text.value)': \(error.message)", at: text.location))
      }
    }
    if let apiVersion, let group {
      let impliedGroup = Resource.group(ofAPIVersion: apiVersion.value)
      if impliedGroup != group.value {
        valid = false
        reader.report(
          .input(
            "the target's group '\(group.value)' disagrees with its apiVersion '\(apiVersion.value)', so it can match nothing",
            at: group.location, help: "give only one of 'group' and 'apiVersion'"))
      }
    }
    let diagnostics = reader.finish()
    guard valid else { return (nil, diagnostics) }
    let target = PatchTarget(
      kind: kind?.value, apiVersion: apiVersion?.value, group: group?.value, name: name?.value,
      service: service?.value, labelSelector: selector, location: node.location)
    return (target, diagnostics)
  }

  static func parseOperation(_ node: Node, subject: String) -> (JSONPatchOperation?, [Diagnostic]) {
    let context = "a json patch operation in \(subject)"
    var reader = FieldReader(node, subject: context)
    guard node.isMapping else { return (nil, reader.finish()) }
    let names = JSONPatchOperation.Op.allCases.map(\.rawValue)
    let help = "operations are " + names.joined(separator: ", ")

    reader.require("op", help: help)
    reader.require("path")
    let opText = reader.string("op")
    guard let opText, let op = JSONPatchOperation.Op(rawValue: opText.value) else {
      if let opText {
        reader.report(
          .input(
            "unknown json patch op '\(opText.value)'\(Suggestion.didYouMean(opText.value, in: names))",
            at: opText.location, help: help))
      }
      // Without a valid op the other keys cannot be judged; mark them as known so only
      // the op is reported.
      _ = reader.value("value")
      _ = reader.value("from")
      _ = reader.value("path")
      return (nil, reader.finish())
    }

    var valid = true
    // Keys RFC 6902 defines for other operations are reported as meaningless here
    // rather than as unknown: they are probably a wrong op, not a typo.
    for key in ["value", "from"] {
      let wanted = key == "value" ? op.needsValue : op.needsFrom
      if !wanted, let entry = reader.entry(key) {
        reader.report(
          .input("'\(op.rawValue)' takes no '\(key)'", at: entry.keyLocation))
      }
    }

    func pointer(_ key: String, reader: inout FieldReader) -> Located<JSONPointer>? {
      guard let text = reader.string(key) else { return nil }
      do {
        return Located(try JSONPointer(parsing: text.value), at: text.location)
      } catch {
        reader.report(.input("invalid '\(key)': \(error.message)", at: text.location))
        return nil
      }
    }

    let path = pointer("path", reader: &reader)
    if path == nil { valid = false }
    var from: Located<JSONPointer>?
    if op.needsFrom {
      reader.require("from")
      from = pointer("from", reader: &reader)
      if from == nil { valid = false }
    }
    var value: Node?
    if op.needsValue {
      reader.require("value", help: "write 'value: null' to \(op.rawValue) a null")
      value = reader.value("value")
      if value == nil { valid = false }
    }
    if let path, path.value.tokens.isEmpty, op == .remove {
      valid = false
      reader.report(
        .input("'remove' cannot remove the whole resource (path '')", at: path.location))
    }

    let diagnostics = reader.finish()
    guard valid, let path else { return (nil, diagnostics) }
    return (
      JSONPatchOperation(op: op, path: path, from: from, value: value, location: node.location),
      diagnostics
    )
  }
}
