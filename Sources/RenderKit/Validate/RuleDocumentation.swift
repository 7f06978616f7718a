/// Writes `docs/rules.md` from `RuleCatalog.all`: the rules' summaries, rationales and
/// examples are their documentation, so the page cannot drift from the code (a test
/// compares the committed file with this output).
public enum RuleDocumentation {
  /// The whole page. Deterministic: the same catalog gives the same bytes.
  public static func markdown() -> String {
    markdown(rules: RuleCatalog.all)
  }

  static func markdown(rules: [any PolicyRule]) -> String {
    var text = introduction
    text += "\n## Rules\n\n"
    text += "| Rule | Default | What it requires |\n"
    text += "| --- | --- | --- |\n"
    for rule in rules {
      text +=
        "| [`\(rule.id)`](#\(rule.id)) | \(rule.defaultSeverity.rawValue) | \(tableCell(rule.summary)) |\n"
    }
    for rule in rules {
      text += "\n" + section(for: rule)
    }
    return text
  }

  static let introduction = """
    # Validation rules

    <!-- Generated from the rules' own descriptions (RuleDocumentation.swift); do not
    edit. RECORD_SNAPSHOTS=1 swift test --filter RuleDocumentation re-writes it. -->

    Every `render build` validates what it renders before it writes anything, and
    `render validate` validates without writing. A finding prints as
    `path:line:column: severity[rule]: message`: it points at the input line that
    produced the offending value (a template, `service.yaml`, an environment file or a
    patch) and names the rendered file and field it ended up in.

    The rule in brackets is one of:

    - `input`: a problem in an input file: an unknown or mistyped field, a template
      parameter that does not fit its schema, a reference to a template, environment or
      service that does not exist. Always an error; it cannot be configured.
    - `schema`: a rendered resource does not match the Kubernetes schema render bundles
      (or a CRD in `crds/`): an unknown field, a wrong type, a missing required field, a
      value outside its `pattern`, `enum` or bounds, and the formats the API server checks:
      32-bit integers, base64 (`format: byte`), quantities, RFC 3339 times (`format:
      date-time`, e.g. `metadata.creationTimestamp`), and `apiVersion` and `kind` on a
      CRD's `x-kubernetes-embedded-resource` objects. A whole-number float (`replicas:
      3.0`) is an integer, as in JSON Schema and kubectl; it is written out as it was
      written. An error by default; `policy.rules.schema: warning` reports the findings
      without failing the build, and `off` skips the check (for resources whose schema is
      known to be wrong, prefer an `ignore` entry).
    - one of the policy rules below.

    ## Configuring rules

    An environment's `environment.yaml` configures the rules for that environment, under
    `policy`:

    ```yaml
    policy:
      rules:
        probes: error        # error, warning or off
        labels: off
      ignore:
        - {rule: plaintext-secret, service: storefront}
        - {rule: security-context, kind: DaemonSet, name: "node-*"}
      requiredLabels: [app.kubernetes.io/name, team]
    ```

    - `rules` sets the severity of a rule by its id (`schema` and the policy rules):
      `error`, `warning` or `off`. Along an `inherits` chain, the closest environment that
      sets a rule wins. Policy settings are checked when the environment is read, so a
      typo is an input error even when `--env` filters the environment out.
    - `ignore` switches a rule off for some resources. Each entry names a `rule` and any
      of `service`, `kind` and `name`, which are globs (`*` matches any run of
      characters); a field that is left out matches everything, and an environment's own
      `resources/` have no service. The entries of every environment of the chain apply.
    - `requiredLabels` lists the labels the `labels` rule requires (by default
      `app.kubernetes.io/name`); the closest environment that sets it wins.

    Errors stop `render build` from writing; warnings are printed and do not. With
    `--strict` (`render build --strict`, `render validate --strict`) warnings count as
    errors, which is what CI usually wants.

    """

  static func section(for rule: any PolicyRule) -> String {
    var text = "## `\(rule.id)`\n\n"
    text += wrap(rule.summary) + "\n\n"
    text += "Default severity: **\(rule.defaultSeverity.rawValue)**.\n\n"
    text += wrap(rule.rationale) + "\n\n"
    text += "### Examples\n"
    for example in rule.examples {
      var heading = "**\(example.triggers ? "Fires" : "Passes")**: \(example.description)"
      if !example.external.isEmpty {
        let objects = example.external.map { external -> String in
          let parts = external.split(separator: "/", maxSplits: 1).map(String.init)
          return parts.count == 2 ? "{kind: \(parts[0]), name: \(parts[1])}" : external
        }
        heading += ", with `external: [\(objects.joined(separator: ", "))]` in environment.yaml"
      }
      text +=
        "\n" + wrap(heading + ".") + "\n\n```yaml\n" + example.manifests
        + (example.manifests.hasSuffix("\n") ? "" : "\n")
      text += "```\n"
    }
    return text
  }

  /// `text` as a Markdown paragraph of lines of at most `width` characters (a longer
  /// word stays whole), like the hand-written pages in docs/.
  static func wrap(_ text: String, width: Int = 88) -> String {
    var lines: [String] = []
    var line = ""
    for word in text.split(whereSeparator: \.isWhitespace) {
      if !line.isEmpty && line.count + 1 + word.count > width {
        lines.append(line)
        line = ""
      }
      line += (line.isEmpty ? "" : " ") + word
    }
    if !line.isEmpty { lines.append(line) }
    return lines.joined(separator: "\n")
  }

  /// A summary as a table cell: on one line, with `|` escaped.
  static func tableCell(_ text: String) -> String {
    String(
      text.split(whereSeparator: \.isNewline).joined(separator: " ")
        .flatMap { $0 == "|" ? ["\\", "|"] : [$0] })
  }
}
