import Foundation
import TestSupport

/// A git repository in a temporary folder holding a small platform, built and committed,
/// for the `set-version` and `promote` end-to-end tests: a `TemporaryRepository` with git
/// and render isolated from the machine's git configuration. Removed with everything in
/// it when the value goes away.
///
/// The platform: services checkout, catalog, payments, legacy (template `web`) and docs
/// (plain manifests, no image); environments staging and prod inherit the abstract base,
/// prod-eu inherits prod.
final class VersionPinRepository {
  /// The repository.
  let repository: TemporaryRepository
  /// The repository root, absolute and canonical.
  var root: String { repository.root }

  /// `environments/prod/checkout.yaml`: comments everywhere, blank lines, unicode.
  static let prodCheckout = """
    # Checkout in prod — pinned, bumped by CI with `render set-version`.
    #   ünïcödé in a comment moves bytes away from characters.

    version: 1.14.2    # keep in step with the mobile app

    values:
      # Two replicas per zone.
      replicas: 2

    """

  static let prodEnvironment = """
    # Production. Versions change through render set-version and render promote.
    inherits: base
    namespace: shop-prod

    services:
      # Catalog rolls out slowly.
      catalog: {version: 3.2.0}   # pinned
      payments:
        values:
          replicas: 2

    """

  static let deployment = """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: ${ service.name }
      labels:
        app.kubernetes.io/name: ${ service.name }
    spec:
      replicas: ${ values.replicas }
      selector:
        matchLabels:
          app.kubernetes.io/name: ${ service.name }
      template:
        metadata:
          labels:
            app.kubernetes.io/name: ${ service.name }
        spec:
          automountServiceAccountToken: false
          securityContext:
            runAsNonRoot: true
            seccompProfile: {type: RuntimeDefault}
          containers:
            - name: app
              image: ${ service.imageRef }
              ports:
                - name: http
                  containerPort: ${ values.port }
              resources:
                requests: {cpu: 50m, memory: 64Mi}
                limits: {memory: 128Mi}
              readinessProbe:
                httpGet: {path: /healthz, port: http}
              securityContext:
                allowPrivilegeEscalation: false
                readOnlyRootFilesystem: true
                capabilities: {drop: [ALL]}

    """

  static var platform: [String: String] {
    var files: [String: String] = [
      "render.yaml": "output: rendered\n",
      "README.md": "# Shop platform\n",
      "templates/web/template.yaml": """
      description: An HTTP service.
      parameters:
        port: {type: integer, default: 8080, minimum: 1024, maximum: 65535}
        replicas: {type: integer, default: 1, minimum: 0}

      """,
      "templates/web/deployment.yaml": deployment,
      "services/docs/service.yaml": "manifests: manifests/\n",
      "services/docs/manifests/configmap.yaml": """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: docs
        labels:
          app.kubernetes.io/name: docs
      data:
        motd: hello

      """,
      "environments/base/environment.yaml":
        "abstract: true\ndefaults:\n  values:\n    replicas: 1\n",
      "environments/staging/environment.yaml": """
      inherits: base
      namespace: shop-staging
      services:
        catalog: {version: 3.3.0}
        legacy: {enabled: false}

      """,
      "environments/prod/environment.yaml": prodEnvironment,
      "environments/prod/checkout.yaml": prodCheckout,
      "environments/prod-eu/environment.yaml":
        "# EU follows prod.\ninherits: prod\nnamespace: shop-prod-eu\n",
    ]
    for (service, version) in [
      ("checkout", "1.15.0"), ("catalog", "3.0.0"), ("payments", "4.1.3"), ("legacy", "0.9.0"),
    ] {
      files["services/\(service)/service.yaml"] =
        "template: web\nimage: ghcr.io/acme/\(service)\nversion: \(version)\n"
    }
    return files
  }

  /// Writes `files` (default: the platform) and a `.gitignore` of `.render-cache/`,
  /// renders it, and commits everything as the first commit, with a local git identity.
  init(_ files: [String: String] = VersionPinRepository.platform) throws {
    // As `render init` leaves it: the compile cache is never committed.
    repository = try TemporaryRepository(files.merging([".gitignore": ".render-cache/\n"]) { $1 })
    try repository.initializeGit(
      name: "Render Test", email: "render-test@example.com", environment: gitEnvironment)
    let build = try render(["build"])
    guard build.status == 0 else {
      throw TestFailure("fixture does not build:\n\(build.stdout)\(build.stderr)")
    }
    try git(["add", "-A"])
    try git(["commit", "--quiet", "-m", "Platform"])
  }

  /// Runs `render` with the repository as the current folder.
  func render(_ arguments: [String]) throws -> RenderBinary.Result {
    try repository.renderHere(arguments, environment: isolation)
  }

  /// Git as the test sets it up and nothing else, for render's git and the tests' own:
  /// no system or user configuration (`TemporaryRepository.gitIsolation`: a developer's
  /// hooks or commit template), and no repository above the scratch folder (a temp folder
  /// inside some work tree would otherwise be "in git").
  var isolation: [String: String] {
    repository.gitIsolation.merging(["GIT_CEILING_DIRECTORIES": repository.scratch]) { $1 }
  }

  /// The tests' own git runs also get untranslated messages and no pager.
  private var gitEnvironment: [String: String] {
    isolation.merging(["LC_ALL": "C", "GIT_PAGER": "cat"]) { $1 }
  }

  /// Runs git in the repository; throws when it fails. Returns its standard output.
  @discardableResult
  func git(_ arguments: [String]) throws -> String {
    try repository.git(arguments, environment: gitEnvironment)
  }

  /// The number of commits on HEAD.
  func commitCount() throws -> Int {
    Int(try git(["rev-list", "--count", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines))
      ?? -1
  }

  /// The paths the last commit changed, sorted.
  func lastCommitPaths() throws -> [String] {
    try git(["show", "--name-only", "--format=", "HEAD"]).split(separator: "\n").map(String.init)
      .sorted()
  }

  func write(_ path: String, _ text: String) throws {
    try repository.write(path, text)
  }

  func read(_ path: String) throws -> String {
    try repository.read(path)
  }

  func exists(_ path: String) -> Bool {
    repository.exists(path)
  }

  /// Every regular file outside `.git`, with its bytes: equal snapshots mean nothing was
  /// written.
  func snapshot() throws -> [String: [UInt8]] {
    try repository.snapshot("").files.filter { path, _ in
      path != ".git" && !path.hasPrefix(".git/")
    }
  }
}
