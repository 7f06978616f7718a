// Generated from Skeleton/ by SkeletonFolderTests; do not edit. Change the files in
// Skeleton/, then: RECORD_SNAPSHOTS=1 swift test --filter SkeletonFolder

/// The files of `Skeleton/`, the folder `render init` copies, embedded so the static
/// binary needs no resource files. The folder is the source of truth.
enum SkeletonFiles {
  /// Path relative to the new repository's root, and contents; sorted by path.
  static let all: [(path: String, contents: String)] = [
    (".github/workflows/render.yml", file0),
    (".gitignore", file1),
    ("README.md", file2),
    ("environments/base/environment.yaml", file3),
    ("environments/base/resources/namespace.yaml", file4),
    ("environments/dev/environment.yaml", file5),
    ("environments/prod/environment.yaml", file6),
    ("render.yaml", file7),
    ("services/hello/service.yaml", file8),
    ("templates/web/deployment.yaml", file9),
    ("templates/web/service.yaml", file10),
    ("templates/web/template.yaml", file11),
  ]

  /// `.github/workflows/render.yml`
  private static let file0 = #"""
    # render in CI (see render's docs/ci.md).
    #
    # Pull requests: fail when rendered/ is not what the inputs produce, annotate the
    # findings on the diff, upload them to code scanning, and keep one comment on the
    # pull request with what it changes in the rendered manifests.
    # By hand (Actions > render > Run workflow): promote a service from one environment
    # to another through a pull request, so a protected main stays protected.
    name: render

    on:
      pull_request:
      push:
        branches: [main]
      workflow_dispatch:
        inputs:
          service: {description: Service to promote, required: true, type: string}
          from: {description: Environment whose version to take, required: true, type: string, default: dev}
          to: {description: Environment to pin it in, required: true, type: string, default: prod}

    permissions:
      contents: read

    env:
      # The render release to use; the action caches it per version.
      RENDER_VERSION: "@RENDER_VERSION@"

    jobs:
      check:
        if: github.event_name != 'workflow_dispatch'
        runs-on: ubuntu-24.04
        permissions:
          contents: read
          security-events: write   # code scanning upload
          pull-requests: write     # the sticky diff comment
        steps:
          - uses: actions/checkout@v4
            with:
              fetch-depth: 0       # render diff --base renders the base branch from git

          - uses: OWNER/render@v@RENDER_VERSION@   # TODO: the repository render is released from
            with:
              version: ${{ env.RENDER_VERSION }}

          - name: rendered/ is up to date
            # Findings as annotations on the pull request's diff; drift is listed.
            run: render build --check --format github

          - name: Findings for code scanning
            if: ${{ !cancelled() }}
            run: render validate --format sarif > render.sarif || true

          - uses: github/codeql-action/upload-sarif@v3
            if: ${{ !cancelled() && hashFiles('render.sarif') != '' }}
            with:
              sarif_file: render.sarif
              category: render

          - name: What this pull request changes
            if: ${{ !cancelled() && github.event_name == 'pull_request' }}
            env:
              BASE_REF: ${{ github.base_ref }}
            run: |
              render diff --base "origin/$BASE_REF" --format markdown > render-diff.md
              cat render-diff.md >> "$GITHUB_STEP_SUMMARY"

          - name: One comment with the rendered diff, updated on every push
            if: ${{ !cancelled() && github.event_name == 'pull_request' && github.event.pull_request.head.repo.full_name == github.repository }}
            env:
              GH_TOKEN: ${{ github.token }}
              PR: ${{ github.event.pull_request.number }}
            run: |
              marker='<!-- render-diff -->'
              { echo "$marker"; head -c 60000 render-diff.md; } > comment.md
              id=$(gh api "repos/$GITHUB_REPOSITORY/issues/$PR/comments" --paginate \
                --jq ".[] | select(.body | startswith(\"$marker\")) | .id" | head -1)
              if [ -n "$id" ]; then
                gh api -X PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$id" -F body=@comment.md >/dev/null
              else
                gh pr comment "$PR" --body-file comment.md
              fi

      promote:
        if: github.event_name == 'workflow_dispatch'
        runs-on: ubuntu-24.04
        permissions:
          contents: write          # push the promotion branch
          pull-requests: write     # open the pull request
        concurrency:
          group: render-promote-${{ inputs.service }}-${{ inputs.to }}
        steps:
          - uses: actions/checkout@v4
          - uses: OWNER/render@v@RENDER_VERSION@
            with:
              version: ${{ env.RENDER_VERSION }}
          - name: Promote on a branch and open a pull request
            # Inputs reach the script through the environment, never pasted into it.
            env:
              SERVICE: ${{ inputs.service }}
              FROM: ${{ inputs.from }}
              TO: ${{ inputs.to }}
              ACTOR: ${{ github.actor }}
              GH_TOKEN: ${{ github.token }}
            run: |
              branch="promote/$SERVICE-$TO-$GITHUB_RUN_ID"
              git config user.name "$ACTOR"
              git config user.email "$ACTOR@users.noreply.github.com"
              git switch -c "$branch"
              render promote "$SERVICE" --from "$FROM" --to "$TO" --commit
              git push origin "$branch"
              gh pr create --head "$branch" --fill

    """#

  /// `.gitignore`
  private static let file1 = #"""
    # Swift build products (render itself, when built here).
    .build/
    # render builds the new rendered/ beside the old one and swaps them; these only
    # exist while a build runs, or after one was killed (the next build cleans up).
    .render-staging-*
    .render-old-*
    # render's cache of compiled results (safe to delete; see docs/output.md).
    .render-cache/

    """#

  /// `README.md`
  private static let file2 = #"""
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

    """#

  /// `environments/base/environment.yaml`
  private static let file3 = #"""
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

    """#

  /// `environments/base/resources/namespace.yaml`
  private static let file4 = #"""
    # Files in resources/ belong to the environment rather than to a service; this one is
    # inherited by every environment, each with its own namespace.
    apiVersion: v1
    kind: Namespace
    metadata:
      name: ${ env.namespace }
      labels:
        app.kubernetes.io/name: ${ env.namespace }
        pod-security.kubernetes.io/enforce: restricted

    """#

  /// `environments/dev/environment.yaml`
  private static let file5 = #"""
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

    """#

  /// `environments/prod/environment.yaml`
  private static let file6 = #"""
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

    """#

  /// `render.yaml`
  private static let file7 = #"""
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

    """#

  /// `services/hello/service.yaml`
  private static let file8 = #"""
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

    """#

  /// `templates/web/deployment.yaml`
  private static let file9 = #"""
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

    """#

  /// `templates/web/service.yaml`
  private static let file10 = #"""
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

    """#

  /// `templates/web/template.yaml`
  private static let file11 = #"""
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
}
