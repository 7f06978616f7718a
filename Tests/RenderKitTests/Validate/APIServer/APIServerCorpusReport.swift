@testable import RenderKit

/// docs/apiserver-corpus.md: the corpus with, for each case, the API server's verdict and
/// whether schema-only validation and render report it.
enum APIServerCorpusReport {
  static func markdown(_ cases: [APIServerCorpusCase], schema: KubernetesSchema) throws -> String {
    var rows: [String] = []
    var schemaCaught = 0
    var renderCaught = 0
    let rejected = cases.filter(\.rejected).count
    for corpusCase in cases {
      let (schemaFindings, apiserver) = try corpusCase.findings(schema: schema)
      let bySchema = !schemaFindings.isEmpty
      let byRender = bySchema || !apiserver.isEmpty
      if corpusCase.rejected {
        if bySchema { schemaCaught += 1 }
        if byRender { renderCaught += 1 }
      }
      let mark = { (caught: Bool) in
        corpusCase.rejected
          ? (caught ? "caught" : "**missed**") : (caught ? "**false alarm**" : "passes")
      }
      let detail =
        (corpusCase.message.map { "`\($0)`" } ?? "") + (corpusCase.note.map { " (\($0))" } ?? "")
      rows.append(
        "| `\(corpusCase.name)` | \(corpusCase.kind) | \(corpusCase.rejected ? "rejected" : "accepted") | \(mark(bySchema)) | \(mark(byRender)) | \(RuleDocumentation.tableCell(detail)) |"
      )
    }
    let accepted = cases.count - rejected
    return """
      # The API server corpus

      <!-- Generated from Tests/Fixtures/apiserver-corpus by APIServerCorpusTests; do not
      edit. RECORD_SNAPSHOTS=1 swift test --filter APIServerCorpus re-writes it. -->

      `Tests/Fixtures/apiserver-corpus/` holds \(cases.count) manifests, each headed by the
      verdict a Kubernetes \(KubernetesEnums.kubernetesVersion) API server gives it (`# verdict:`)
      and, for a rejection, the part of the API server's message that render must report
      too (`# message:`). The verdicts come from the validation code of
      `pkg/apis/*/validation` and `apimachinery/pkg/util/validation` of that release, the
      defaulting that runs before it, and robfig/cron for CronJob schedules. A test
      (`APIServerCorpusTests`) runs every case through the Kubernetes schema check and the
      `apiserver` rule and re-generates this page.

      "Schema only" is what an OpenAPI-schema validator reports (kubeconform, kubeval,
      kubernetes-validate, and render's own `schema` check, strict); "render" is the
      schema check plus the `apiserver` rule, as `render build` runs them.

      | | cases | schema only | render |
      | --- | --- | --- | --- |
      | rejected by the API server | \(rejected) | \(schemaCaught) caught | \(renderCaught) caught |
      | accepted by the API server | \(accepted) | | no false alarm |

      ## Where render departs from the API server

      - A StatefulSet's pod template is not validated by the API server (a TODO upstream):
        its pods are rejected later, when the controller creates them. render checks it like
        any pod template, taking the volume claim templates as volumes.
      - Node ports are checked against the default `--service-node-port-range`
        (30000-32767); a cluster configured with another range may accept others.
      - Checks that need the cluster (quota, admission webhooks, the existence of a
        StorageClass or IngressClass, immutable fields on update) are out of scope;
        the `references` rule covers references between rendered objects.

      ## Cases

      | case | kind | API server | schema only | render | API server message (part) |
      | --- | --- | --- | --- | --- | --- |
      \(rows.joined(separator: "\n"))

      """
  }
}
