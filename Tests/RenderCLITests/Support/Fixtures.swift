/// Small repositories the end-to-end tests start from. Each is valid: it renders with no
/// error and no policy finding, so a test that breaks one thing sees exactly that thing.
enum Fixture {
  /// One `web` template (Deployment + Service), two services, an abstract `base` with a
  /// resource of its own, and `dev` and `prod` inheriting from it.
  ///
  /// Renders 11 files: 2 services x 2 resources x 2 environments, the base ResourceQuota
  /// in each environment's `_environment/`, and versions.yaml.
  static let shop: [String: String] = [
    "templates/web/template.yaml": """
    description: An HTTP service.
    parameters:
      port: {type: integer, default: 8080, minimum: 1, maximum: 65535}
      replicas: {type: integer, default: 1, minimum: 0}
      env: {type: object, additionalProperties: {type: string}, default: {}}

    """,
    "templates/web/deployment.yaml": """
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
          securityContext:
            runAsNonRoot: true
          containers:
            - name: app
              image: ${ service.imageRef }
              ports:
                - containerPort: ${ values.port }
              env: ${ values.env | envList }
              resources:
                requests: {cpu: 100m, memory: 64Mi}
                limits: {memory: 128Mi}
              readinessProbe:
                httpGet:
                  path: /healthz
                  port: ${ values.port }
              securityContext:
                allowPrivilegeEscalation: false

    """,
    "templates/web/service.yaml": """
    apiVersion: v1
    kind: Service
    metadata:
      name: ${ service.name }
      labels:
        app.kubernetes.io/name: ${ service.name }
    spec:
      selector:
        app.kubernetes.io/name: ${ service.name }
      ports:
        - port: 80
          targetPort: ${ values.port }

    """,
    "services/api/service.yaml": """
    template: web
    image: ghcr.io/acme/api
    version: 1.0.0
    values:
      port: 9090
      env:
        FEATURE_FLAG: yes

    """,
    "services/web/service.yaml": """
    template: web
    image: ghcr.io/acme/web
    version: 2.0.0

    """,
    "environments/base/environment.yaml": """
    abstract: true
    labels:
      team: platform

    """,
    "environments/base/resources/quota.yaml": """
    apiVersion: v1
    kind: ResourceQuota
    metadata:
      name: quota
      labels:
        app.kubernetes.io/name: quota
    spec:
      hard:
        pods: "50"

    """,
    "environments/dev/environment.yaml": """
    inherits: base
    namespace: shop-dev
    labels:
      environment: dev

    """,
    "environments/prod/environment.yaml": """
    inherits: base
    namespace: shop-prod
    labels:
      environment: prod
    defaults:
      values:
        replicas: 3

    """,
  ]

  /// The files `shop` renders, relative to `rendered/`.
  static let shopOutput = [
    "dev/_environment/resourcequota-quota.yaml",
    "dev/api/deployment-api.yaml",
    "dev/api/service-api.yaml",
    "dev/web/deployment-web.yaml",
    "dev/web/service-web.yaml",
    "prod/_environment/resourcequota-quota.yaml",
    "prod/api/deployment-api.yaml",
    "prod/api/service-api.yaml",
    "prod/web/deployment-web.yaml",
    "prod/web/service-web.yaml",
    "versions.yaml",
  ]

  /// A `service.yaml` for `shop`'s template.
  static func service(_ name: String, version: String) -> String {
    "template: web\nimage: ghcr.io/acme/\(name)\nversion: \(version)\n"
  }

  /// `shop` with `count` services `s1`...`sN` instead of `api` and `web`, for tests that
  /// need a render that takes a while. Renders `count * 4 + 3` files.
  static func manyServices(_ count: Int, version: String = "1.0.0") -> [String: String] {
    var files = shop
    files["services/api/service.yaml"] = nil
    files["services/web/service.yaml"] = nil
    for index in 1...count {
      files["services/s\(index)/service.yaml"] = service("s\(index)", version: version)
    }
    return files
  }
}
