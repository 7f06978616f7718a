import Foundation
import Testing

/// `render init [DIR]`: a skeleton that renders and validates at once, and never a file
/// overwritten.
@Suite struct InitTests {
  static let skeleton = [
    ".github/workflows/render.yml",
    ".gitignore",
    "README.md",
    "editor-schemas/environment.schema.json",
    "editor-schemas/override.schema.json",
    "editor-schemas/render.schema.json",
    "editor-schemas/service.schema.json",
    "editor-schemas/template.schema.json",
    "environments/base/environment.yaml",
    "environments/base/resources/namespace.yaml",
    "environments/dev/environment.yaml",
    "environments/prod/environment.yaml",
    "render.yaml",
    "services/hello/service.yaml",
    "templates/web/deployment.yaml",
    "templates/web/service.yaml",
    "templates/web/template.yaml",
  ]

  static let rendered = [
    "rendered/dev/_environment/namespace-platform-dev.yaml",
    "rendered/dev/hello/deployment-hello.yaml",
    "rendered/dev/hello/service-hello.yaml",
    "rendered/prod/_environment/namespace-platform-prod.yaml",
    "rendered/prod/hello/deployment-hello.yaml",
    "rendered/prod/hello/service-hello.yaml",
    "rendered/versions.yaml",
  ]

  @Test func initIntoANewFolderRendersAWorkingRepository() throws {
    let sandbox = try TemporaryRepository()
    let run = try sandbox.renderHere("init", "platform/shop")
    #expect(run.status == 0, "\(run.transcript)")
    #expect(run.stderr == "", "\(run.transcript)")
    #expect(run.stdout.hasPrefix(Self.skeleton.map { "created platform/shop/\($0)\n" }.joined()))
    #expect(run.stdout.contains("render: wrote rendered/: 7 added, 0 unchanged\n"))
    #expect(
      Set(try sandbox.files(under: "platform/shop").filter { !$0.hasPrefix(".render-cache/") })
        == Set(Self.skeleton + Self.rendered))
    // The build cached its result where the skeleton's .gitignore ignores it.
    #expect(try sandbox.files(under: "platform/shop").contains { $0.hasPrefix(".render-cache/") })

    let check = try sandbox.renderHere("build", "--check", "--root", "platform/shop")
    #expect(check.status == 0, "\(check.transcript)")
    #expect(check.stdout == "render: rendered/ is current (7 files)\n")
    #expect(check.stderr == "")

    let validate = try sandbox.renderHere("validate", in: "platform/shop")
    #expect(validate.status == 0, "\(validate.transcript)")
    #expect(validate.stderr == "", "render validate reported findings")
    #expect(validate.stdout == "render: 6 resources in 2 environments are valid\n")
  }

  @Test func initIntoTheCurrentFolder() throws {
    let sandbox = try TemporaryRepository()
    let run = try sandbox.renderHere("init")
    #expect(run.status == 0, "\(run.transcript)")
    #expect(
      run.stdout.hasPrefix(
        "created .github/workflows/render.yml\ncreated .gitignore\ncreated README.md\n"))
    let versions = try sandbox.read("rendered/versions.yaml")
    #expect(
      versions.contains("dev:\n  hello: docker.io/nginxinc/nginx-unprivileged:1.27.3-alpine\n"))
    #expect(
      versions.contains("prod:\n  hello: docker.io/nginxinc/nginx-unprivileged:1.27.2-alpine\n"))
    #expect(try sandbox.renderHere("build", "--check").status == 0)
  }

  @Test func conflictingFilesAreListedAndNothingIsWritten() throws {
    let sandbox = try TemporaryRepository()
    try sandbox.write("render.yaml", "output: out\n")
    try sandbox.write("templates/web/template.yaml", "parameters: {}\n")
    try sandbox.write("notes.txt", "mine\n")
    let before = try sandbox.snapshot("").files

    let run = try sandbox.renderHere("init", sandbox.root)
    #expect(run.status == 1, "\(run.transcript)")
    #expect(run.stdout == "")
    #expect(
      run.stderr == """
        render: nothing written: render init never overwrites files, and these exist in '\(sandbox.root)':
          \(sandbox.root)/render.yaml
          \(sandbox.root)/templates/web/template.yaml
        render: move them away, or run render init with a new folder.

        """)
    #expect(try sandbox.snapshot("").files == before, "render init wrote files although it refused")
  }

  @Test func aFileWhereTheSkeletonNeedsAFolderIsAConflict() throws {
    let sandbox = try TemporaryRepository()
    try sandbox.write("services", "not a folder\n")
    let before = try sandbox.snapshot("").files
    let run = try sandbox.renderHere("init")
    #expect(run.status == 1, "\(run.transcript)")
    #expect(run.stderr.contains("\n  services\n"))
    #expect(try sandbox.snapshot("").files == before)
  }

  @Test func gitignoreIsCompletedAndReadmeKept() throws {
    let sandbox = try TemporaryRepository()
    try sandbox.write(".gitignore", "node_modules/\n.build/\n")
    try sandbox.write("README.md", "# Ours\n")
    let run = try sandbox.renderHere("init")
    #expect(run.status == 0, "\(run.transcript)")
    #expect(run.stdout.hasPrefix("created .github/workflows/render.yml\nupdated .gitignore\n"))
    #expect(run.stdout.contains("kept    README.md (it exists)\n"))
    #expect(
      try sandbox.read(".gitignore")
        == "node_modules/\n.build/\n\n# render\n.render-staging-*\n.render-old-*\n.render-cache/\n")
    #expect(try sandbox.read("README.md") == "# Ours\n")
  }

  @Test func initTwiceRefusesTheSecondTime() throws {
    let sandbox = try TemporaryRepository()
    #expect(try sandbox.renderHere("init", "app").status == 0)
    let before = try sandbox.snapshot("").files
    let again = try sandbox.renderHere("init", "app")
    #expect(again.status == 1)
    #expect(again.stderr.contains("  app/render.yaml\n"))
    #expect(!again.stderr.contains(".gitignore"), "a complete .gitignore is not a conflict")
    #expect(try sandbox.snapshot("").files == before)
  }

  @Test func aFileAsTheFolderIsAUsageError() throws {
    let sandbox = try TemporaryRepository()
    try sandbox.write("taken", "a file\n")
    let run = try sandbox.renderHere("init", "taken")
    #expect(run.status == 64, "\(run.transcript)")
    #expect(run.stderr.contains("'taken' exists and is not a folder"))
  }
}

/// The workflow `render init` writes: what a platform repository's CI needs, through the
/// action (issue 13).
@Suite struct InitWorkflowTests {
  @Test func workflowUsesTheActionAndCoversTheChecks() throws {
    let sandbox = try TemporaryRepository()
    let run = try sandbox.renderHere("init")
    #expect(run.status == 0, "\(run.transcript)")
    let workflow = try sandbox.read(".github/workflows/render.yml")
    for expected in [
      "uses: OWNER/render@v", "render build --check --format github",
      "render validate --format sarif", "github/codeql-action/upload-sarif",
      "security-events: write", "render diff --base", "<!-- render-diff -->",
      "gh api -X PATCH", "render promote", "gh pr create", "pull-requests: write",
    ] {
      #expect(workflow.contains(expected), "the workflow lacks \(expected)")
    }
    // Promotions open a pull request; nothing pushes to main.
    #expect(!workflow.contains("git push origin \"HEAD:"))
    #expect(!workflow.contains("swift build"), "a platform repository has no Package.swift")
  }
}

/// `render init --argocd --flux`: reconciler output from the first build, validated
/// against the CRDs init writes, with no findings.
@Suite struct InitReconcilerTests {
  @Test func argoCDAndFluxSkeletonBuildsClean() throws {
    let sandbox = try TemporaryRepository()
    let run = try sandbox.renderHere("init", "--argocd", "--flux", "platform")
    #expect(run.status == 0, "\(run.transcript)")
    #expect(run.stderr == "", "\(run.transcript)")
    let files = Set(try sandbox.files(under: "platform"))
    for path in [
      "crds/application-argoproj-io.yaml", "crds/kustomization-kustomize-toolkit-fluxcd-io.yaml",
      "rendered/_argocd/root-prod.yaml", "rendered/_argocd/prod/application-prod-hello.yaml",
      "rendered/_flux/prod/kustomization-prod-hello.yaml",
    ] {
      #expect(files.contains(path), "no \(path)")
    }
    let validate = try sandbox.renderHere("validate", "--strict", in: "platform")
    #expect(validate.status == 0, "\(validate.transcript)")
    #expect(validate.stderr == "")
  }
}
