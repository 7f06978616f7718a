/// The files `render init` writes: the smallest repository that shows each part of render
/// (a template, a service, an abstract base environment and two environments inheriting
/// it with their own version pins) and renders without findings.
///
/// The service runs nginx-unprivileged, a real image that works under the template's
/// security settings (non-root, read-only root filesystem), so the skeleton deploys as
/// it is before it is made into anything else.
public enum ProjectSkeleton {
  /// One file of the skeleton.
  public struct File: Sendable, Equatable {
    /// Relative to the new repository's root.
    public var path: String
    public var contents: String

    public init(_ path: String, _ contents: String) {
      self.path = path
      self.contents = contents
    }
  }

  /// Files that are merged with what is already there rather than refused: `.gitignore`
  /// gets the missing lines appended, an existing README is kept.
  public static let mergeablePaths: Set<String> = [".gitignore", "README.md"]

  /// Every file, sorted by path.
  public static let files: [File] = [
    File(".github/workflows/render.yml", workflow),
    File(".gitignore", gitignore),
    File("README.md", readme),
    File("editor-schemas/environment.schema.json", environmentSchema),
    File("editor-schemas/override.schema.json", overrideSchema),
    File("editor-schemas/render.schema.json", renderSchema),
    File("editor-schemas/service.schema.json", serviceSchema),
    File("editor-schemas/template.schema.json", templateSchema),
    File("environments/base/environment.yaml", baseEnvironment),
    File("environments/base/resources/namespace.yaml", namespace),
    File("environments/dev/environment.yaml", devEnvironment),
    File("environments/prod/environment.yaml", prodEnvironment),
    File("render.yaml", settings),
    File("services/hello/service.yaml", service),
    File("templates/web/deployment.yaml", deployment),
    File("templates/web/service.yaml", kubernetesService),
    File("templates/web/template.yaml", template),
  ]

  /// The skeleton with reconciler output switched on: `argoCD` adds an `argocd:` block
  /// to render.yaml and the Application and ApplicationSet CRDs to `crds/`, `flux` a
  /// `flux:` block and the Kustomization CRD. Sorted by path.
  public static func files(argoCD: Bool, flux: Bool) -> [File] {
    guard argoCD || flux else { return files }
    var result = files.filter { $0.path != "render.yaml" }
    var settings = Self.settings
    var blocks = ""
    if argoCD {
      result.append(File("crds/application-argoproj-io.yaml", applicationCRD))
      result.append(File("crds/applicationset-argoproj-io.yaml", applicationSetCRD))
      blocks += """

        # Argo CD: an Application per service and environment under rendered/_argocd/<env>/,
        # and an app-of-apps root per environment, applied once by hand:
        #   kubectl apply -n argocd -f rendered/_argocd/root-prod.yaml
        # The environments' `cluster` names are Argo CD cluster names (or map them to API
        # servers under `clusters:`). Options: render's docs/reconcilers.md.
        argocd:
          repoURL: https://git.example.com/you/platform.git   # this repository
          targetRevision: main

        """
    }
    if flux {
      result.append(File("crds/kustomization-kustomize-toolkit-fluxcd-io.yaml", kustomizationCRD))
      blocks += """

        # Flux: a Kustomization per service and environment under rendered/_flux/<env>/;
        # bootstrap each cluster with --path=rendered/_flux/<env>.
        flux:
          sourceRef: {kind: GitRepository, name: platform}

        """
    }
    if let commented = settings.firstRange(of: "\n# With a reconciler configured") {
      settings = String(settings[..<commented.lowerBound]) + "\n"
    }
    result.append(File("render.yaml", settings + blocks.dropFirst()))
    return result.sorted { $0.path < $1.path }
  }

  /// The lines of the skeleton's `.gitignore`: build products, and the folders render
  /// keeps beside `rendered/` while it swaps a new tree in, and its compile cache.
  public static let ignoredPatterns = [
    ".build/", ".render-staging-*", ".render-old-*", CompilationCache.folder + "/",
  ]

  /// `existing` with the ignore patterns it lacks appended, or `nil` when it has them all.
  public static func gitignore(merging existing: String) -> String? {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
    let lines = Set(
      existing.split(separator: "\n").map { line in
        String(line.drop(while: isSpace).reversed().drop(while: isSpace).reversed())
      })
    let missing = ignoredPatterns.filter { !lines.contains($0) }
    guard !missing.isEmpty else { return nil }
    let separator = existing.isEmpty ? "" : existing.hasSuffix("\n") ? "\n" : "\n\n"
    return existing + separator + "# render\n" + missing.joined(separator: "\n") + "\n"
  }

  static let gitignore = """
    # Swift build products (render itself, when built here).
    .build/
    # render builds the new rendered/ beside the old one and swaps them; these only
    # exist while a build runs, or after one was killed (the next build cleans up).
    .render-staging-*
    .render-old-*
    # render's cache of compiled results (safe to delete; see docs/output.md).
    .render-cache/

    """

  static let readme = """
    # Platform

    Kubernetes manifests for every environment, compiled by render from the folders
    below. Edit the inputs, run `render`, and commit both: `rendered/` is what the
    clusters run.

    | folder | holds |
    | --- | --- |
    | `templates/web/` | a template: parameters in `template.yaml`, manifests with `${ }` expressions |
    | `services/hello/` | a service: its template, image, version and values |
    | `environments/base/` | what every environment shares (abstract: never rendered) |
    | `environments/dev/`, `environments/prod/` | namespace, cluster, labels, version pins |
    | `rendered/` | the output, one file per resource; never edit it by hand |
    | `.github/workflows/render.yml` | CI: `render build --check`, findings on the diff and in code scanning, the rendered diff as a pull request comment, promotions as pull requests (replace `OWNER/render` with where render is released from) |
    | `editor-schemas/` | JSON Schemas for editors: with the YAML language server (VS Code's YAML extension and others), keys complete and typos are flagged |

    Everyday commands:

    ```sh
    render                          # render every environment into rendered/
    render validate                 # schemas and policy rules, writing nothing
    render build --check            # in CI: fail when rendered/ is not committed
    render explain prod hello       # where each value of hello in prod comes from
    render promote hello --from dev --to prod
    ```

    Add a service with a folder under `services/`; add an environment with a folder under
    `environments/` that `inherits: base`.

    """

  static let settings = """
    # yaml-language-server: $schema=editor-schemas/render.schema.json
    # render's project settings. Every key is optional.
    output: rendered
    kubernetesVersion: "1.31"
    # The order versions travel in: render versions shows it, render promote follows it.
    promotion: [dev, prod]

    # With a reconciler configured, render also writes its objects for every environment:
    # Argo CD Applications under rendered/_argocd/, Flux Kustomizations under
    # rendered/_flux/. They are validated like everything else, so add the reconciler's
    # CustomResourceDefinition to crds/ as well.
    # argocd:
    #   repoURL: https://git.example.com/you/platform.git
    #   targetRevision: main
    #   clusters: {prod: https://prod.k8s.example.com}
    # flux:
    #   sourceRef: {kind: GitRepository, name: platform}

    """

  static let template = #"""
    # yaml-language-server: $schema=../../editor-schemas/template.schema.json
    description: An HTTP service, a Deployment behind a ClusterIP Service.

    parameters:
      port:
        type: integer
        default: 8080
        # The container runs as a non-root user, which cannot bind ports below 1024.
        minimum: 1024
        maximum: 65535
        description: The port the application listens on; the Service exposes it on port 80.
      replicas:
        type: integer
        default: 1
        minimum: 0
      healthPath:
        type: string
        pattern: '^/'
        default: /healthz
        description: Answers 200 once the application can serve (readiness and liveness).
      resources:
        type: object
        description: >-
          Container resources. No CPU limit (it throttles); the memory limit is what
          protects the node.
        properties:
          requests:
            type: object
            properties:
              cpu: {type: string}
              memory: {type: string}
            required: [cpu, memory]
          limits:
            type: object
            properties:
              memory: {type: string}
            required: [memory]
        required: [requests, limits]
        default:
          requests: {cpu: 50m, memory: 64Mi}
          limits: {memory: 128Mi}
      env:
        type: object
        additionalProperties: {type: string}
        default: {}
        description: Extra environment variables for the container.

    """#

  static let deployment = """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: ${ service.name }
      labels:
        app.kubernetes.io/name: ${ service.name }
        # A digest (sha256:...) holds a ':' that label values cannot.
        app.kubernetes.io/version: '${ service.version | replace(":", "-") | trunc(63) }'
    spec:
      replicas: ${ values.replicas }
      # Only stable labels: render adds the environment's labels to pods, never to selectors.
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
            seccompProfile:
              type: RuntimeDefault
          containers:
            - name: app
              image: ${ service.imageRef }
              ports:
                - name: http
                  containerPort: ${ values.port }
              env:
                - name: PORT
                  value: "${ values.port }"
                - $append: ${ values.env | envList }
              resources: ${ values.resources }
              readinessProbe:
                httpGet:
                  path: ${ values.healthPath }
                  port: http
                periodSeconds: 10
              livenessProbe:
                httpGet:
                  path: ${ values.healthPath }
                  port: http
                periodSeconds: 20
              securityContext:
                allowPrivilegeEscalation: false
                readOnlyRootFilesystem: true
                capabilities:
                  drop: [ALL]
              volumeMounts:
                - name: tmp
                  mountPath: /tmp
          volumes:
            # The root filesystem is read-only; scratch space goes here.
            - name: tmp
              emptyDir: {}

    """

  static let kubernetesService = """
    apiVersion: v1
    kind: Service
    metadata:
      name: ${ service.name }
      labels:
        app.kubernetes.io/name: ${ service.name }
    spec:
      type: ClusterIP
      selector:
        app.kubernetes.io/name: ${ service.name }
      ports:
        - name: http
          port: 80
          targetPort: http

    """

  static let service = """
    # yaml-language-server: $schema=../../editor-schemas/service.schema.json
    # A service: the template that renders it, its image, and the version environments
    # run unless they pin another. nginx-unprivileged listens on 8080 as a non-root user.
    template: web
    image: docker.io/nginxinc/nginx-unprivileged
    version: 1.27.3-alpine
    labels:
      team: platform
    values:
      healthPath: /
      env:
        LOG_LEVEL: info

    """

  static let baseEnvironment = """
    # yaml-language-server: $schema=../../editor-schemas/environment.schema.json
    # What every environment shares. Abstract: only inherited, never rendered itself.
    abstract: true

    # Added to every resource and pod of every environment.
    labels:
      app.kubernetes.io/part-of: platform

    defaults:
      values:
        replicas: 1

    policy:
      rules:
        # A pod without a readiness probe takes traffic before it can serve it.
        probes: error

    """

  static let namespace = """
    # Files in resources/ belong to the environment rather than to a service; this one is
    # inherited by every environment, each with its own namespace.
    apiVersion: v1
    kind: Namespace
    metadata:
      name: ${ env.namespace }
      labels:
        app.kubernetes.io/name: ${ env.namespace }
        pod-security.kubernetes.io/enforce: restricted

    """

  static let devEnvironment = """
    # yaml-language-server: $schema=../../editor-schemas/environment.schema.json
    inherits: base
    namespace: platform-dev
    # The cluster name reconcilers deploy to (see argocd/flux in render.yaml).
    cluster: dev
    labels:
      environment: dev

    services:
      hello:
        version: 1.27.3-alpine
        values:
          env: {LOG_LEVEL: debug}

    """

  static let prodEnvironment = """
    # yaml-language-server: $schema=../../editor-schemas/environment.schema.json
    inherits: base
    namespace: platform-prod
    cluster: prod
    labels:
      environment: prod

    defaults:
      values:
        replicas: 2

    # Versions reach prod through `render promote hello --from dev --to prod`.
    services:
      hello:
        version: 1.27.2-alpine

    """
}
