import Testing

@testable import RenderKit

@Suite struct DiffFormatterTests {
  static let comparison = TreeComparison(
    old: [
      "prod/api/deployment-api.yaml": Array("kind: Deployment\nspec:\n  replicas: 3\n".utf8),
      "versions.yaml": Array("prod:\n  api: ghcr.io/acme/api:1.0.0\n".utf8),
    ],
    new: [
      "prod/api/deployment-api.yaml": Array("kind: Deployment\nspec:\n  replicas: 4\n".utf8),
      "prod/api/service-api.yaml": Array("kind: Service\n".utf8),
      "versions.yaml": Array("prod:\n  api: ghcr.io/acme/api:1.1.0\n".utf8),
    ],
    folder: "rendered")

  @Test func textIsTheDiffsThenTheSummary() {
    let text = TextDiffFormatter(colored: false).format(Self.comparison, title: "a -> b")
    #expect(
      text == """
        --- a/rendered/prod/api/deployment-api.yaml
        +++ b/rendered/prod/api/deployment-api.yaml
        @@ -1,3 +1,3 @@
         kind: Deployment
         spec:
        -  replicas: 3
        +  replicas: 4
        --- /dev/null
        +++ b/rendered/prod/api/service-api.yaml
        @@ -0,0 +1,1 @@
        +kind: Service
        --- a/rendered/versions.yaml
        +++ b/rendered/versions.yaml
        @@ -1,2 +1,2 @@
         prod:
        -  api: ghcr.io/acme/api:1.0.0
        +  api: ghcr.io/acme/api:1.1.0

        render diff: a -> b
          ENVIRONMENT  SERVICE        +LINES  -LINES  FILES
          prod         api                +2      -1  1 added, 1 changed
          (all)        versions.yaml      +1      -1  1 changed
          3 files (1 added, 2 changed), +3 -2 lines

        """)
  }

  @Test func colourOnlyWhenAsked() {
    let colored = TextDiffFormatter(colored: true).format(Self.comparison, title: "a -> b")
    #expect(colored.contains("\u{1B}[31m-  replicas: 3\u{1B}[0m"))
    #expect(colored.contains("\u{1B}[32m+  replicas: 4\u{1B}[0m"))
    #expect(
      !TextDiffFormatter(colored: false).format(Self.comparison, title: "t").contains("\u{1B}"))
  }

  @Test func noDifferencesSaysSo() {
    let empty = TreeComparison(old: [:], new: [:], folder: "rendered")
    #expect(
      TextDiffFormatter(colored: false).format(empty, title: "a -> b")
        == "render diff: a -> b: no differences\n")
    #expect(
      MarkdownDiffFormatter().format(empty, title: "T")
        == "### T\n\nNo differences in `rendered/`.\n")
  }

  @Test func markdownHasATableAndCollapsibleDiffs() {
    let markdown = MarkdownDiffFormatter().format(
      Self.comparison, title: "render diff", notes: ["Base had errors."])
    #expect(
      markdown == """
        ### render diff

        > [!WARNING]
        > Base had errors.

        | environment | service | +lines | -lines | files |
        | --- | --- | ---: | ---: | --- |
        | prod | api | +2 | -1 | 1 added, 1 changed |
        | (all) | versions.yaml | +1 | -1 | 1 changed |
        | **total** | | **+3** | **-2** | **1 added, 2 changed** |

        <details>
        <summary><code>prod/api</code>: +2 -1 (1 added, 1 changed)</summary>

        ```diff
        --- a/rendered/prod/api/deployment-api.yaml
        +++ b/rendered/prod/api/deployment-api.yaml
        @@ -1,3 +1,3 @@
         kind: Deployment
         spec:
        -  replicas: 3
        +  replicas: 4
        --- /dev/null
        +++ b/rendered/prod/api/service-api.yaml
        @@ -0,0 +1,1 @@
        +kind: Service
        ```

        </details>

        <details>
        <summary><code>versions.yaml</code>: +1 -1 (1 changed)</summary>

        ```diff
        --- a/rendered/versions.yaml
        +++ b/rendered/versions.yaml
        @@ -1,2 +1,2 @@
         prod:
        -  api: ghcr.io/acme/api:1.0.0
        +  api: ghcr.io/acme/api:1.1.0
        ```

        </details>

        """)
  }

  @Test func largeDiffsAreTruncatedWithANote() {
    let big = (1...1_000).map { "line \($0)" }.joined(separator: "\n") + "\n"
    let comparison = TreeComparison(
      old: [:], new: ["prod/api/configmap-big.yaml": Array(big.utf8)], folder: "rendered")
    let markdown = MarkdownDiffFormatter(maxCharacters: 100_000, maxLinesPerFile: 50)
      .format(comparison, title: "t")
    #expect(markdown.contains("+line 47\n"))
    #expect(!markdown.contains("+line 48\n"))
    // 1,003 lines (two file headers, one hunk header, 1,000 added), 50 shown.
    #expect(markdown.contains("_953 more lines not shown; run `render diff` for the full diff._"))

    let budgeted = MarkdownDiffFormatter(maxCharacters: 500, maxLinesPerFile: 10_000)
      .format(comparison, title: "t")
    #expect(budgeted.count < 2_000)
    #expect(budgeted.contains("more lines not shown"))
  }

  @Test func aFenceIsLongerThanAnyBackticksInTheDiff() {
    #expect(MarkdownDiffFormatter.fence(for: "plain") == "```")
    #expect(MarkdownDiffFormatter.fence(for: "a ```` b") == "`````")
  }
}
