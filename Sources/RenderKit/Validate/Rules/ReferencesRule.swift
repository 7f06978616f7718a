/// `references`: what one resource names in another resolves inside the environment.
///
/// Services, PodDisruptionBudgets and NetworkPolicies select some workload's pods;
/// Ingress backends, HorizontalPodAutoscaler targets, and the ConfigMaps, Secrets and
/// ServiceAccounts of pod specs exist in the same namespace, or are listed under
/// `external:`.
struct ReferencesRule: PolicyRule {
  let id: RuleID = .references
  let summary = """
    Service, PodDisruptionBudget and NetworkPolicy selectors match some workload's pods; \
    Ingress backends (Service and port), Ingress TLS Secrets, HorizontalPodAutoscaler \
    targets, and the ConfigMaps, Secrets and ServiceAccounts pods use exist in the same \
    namespace of the environment or are listed under `external:`.
    """
  let rationale = """
    A broken reference is accepted by the API server and fails later, quietly: a Service \
    with no endpoints, an Ingress that answers 503, a NetworkPolicy that isolates \
    nothing, pods stuck in CreateContainerConfigError. Each resource is valid alone, so \
    only a check across the environment's resources catches a typo before it is deployed.
    """
  let defaultSeverity = RuleSeverity.error

  var examples: [RuleExample] {
    [
      RuleExample(
        "a Service whose selector has a typo", triggers: true,
        manifests: """
          apiVersion: v1
          kind: Service
          metadata: {name: checkout}
          spec:
            selector: {app: checkot}
            ports: [{name: http, port: 80, targetPort: http}]
          ---
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: checkout}
          spec:
            selector: {matchLabels: {app: checkout}}
            template:
              metadata: {labels: {app: checkout}}
              spec:
                containers: [{name: app, image: ghcr.io/acme/checkout:1.4.2}]
          """),
      RuleExample(
        "a Secret that is neither rendered nor listed under external:", triggers: true,
        manifests: """
          apiVersion: batch/v1
          kind: Job
          metadata: {name: migrate}
          spec:
            template:
              spec:
                restartPolicy: Never
                containers:
                - name: migrate
                  image: ghcr.io/acme/migrate:2.0.1
                  env:
                  - name: DATABASE_URL
                    valueFrom: {secretKeyRef: {name: orders-db, key: url}}
          """),
      RuleExample(
        "an Ingress routing to a port its Service does not have", triggers: true,
        manifests: """
          apiVersion: v1
          kind: Service
          metadata: {name: shop}
          spec:
            ports: [{name: http, port: 80}]
          ---
          apiVersion: networking.k8s.io/v1
          kind: Ingress
          metadata: {name: shop}
          spec:
            rules:
            - host: shop.example.com
              http:
                paths:
                - path: /
                  pathType: Prefix
                  backend: {service: {name: shop, port: {number: 8080}}}
          """),
      RuleExample(
        "a HorizontalPodAutoscaler scaling a Deployment that is not rendered", triggers: true,
        manifests: """
          apiVersion: autoscaling/v2
          kind: HorizontalPodAutoscaler
          metadata: {name: web}
          spec:
            scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
            maxReplicas: 5
          """),
      RuleExample(
        "a NetworkPolicy whose podSelector matches no workload's pods", triggers: true,
        manifests: """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: cart}
          spec:
            selector: {matchLabels: {app: cart}}
            template:
              metadata: {labels: {app: cart}}
              spec:
                containers: [{name: app, image: ghcr.io/acme/cart:3.0.0}]
          ---
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: cart}
          spec:
            podSelector: {matchLabels: {app: carts}}
            policyTypes: [Ingress]
            ingress: [{from: [{podSelector: {matchLabels: {app: frontend}}}]}]
          """),
      RuleExample(
        "a default-deny NetworkPolicy (an empty podSelector selects the whole namespace)",
        triggers: false,
        manifests: """
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: default-deny}
          spec:
            podSelector: {}
            policyTypes: [Ingress, Egress]
          """),
      RuleExample(
        "a Service, Ingress, PodDisruptionBudget and ConfigMap that all resolve", triggers: false,
        manifests: """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: shop}
          spec:
            selector: {matchLabels: {app: shop}}
            template:
              metadata: {labels: {app: shop, tier: web}}
              spec:
                containers:
                - name: app
                  image: ghcr.io/acme/shop:3.1.0
                  envFrom: [{configMapRef: {name: shop-config}}]
          ---
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: shop-config}
          data: {LOG_LEVEL: info}
          ---
          apiVersion: v1
          kind: Service
          metadata: {name: shop}
          spec:
            selector: {app: shop}
            ports: [{name: http, port: 80, targetPort: 8080}]
          ---
          apiVersion: networking.k8s.io/v1
          kind: Ingress
          metadata: {name: shop}
          spec:
            defaultBackend: {service: {name: shop, port: {name: http}}}
          ---
          apiVersion: policy/v1
          kind: PodDisruptionBudget
          metadata: {name: shop}
          spec:
            minAvailable: 1
            selector:
              matchExpressions: [{key: tier, operator: In, values: [web, api]}]
          """),
      RuleExample(
        "Secrets listed under external:, an optional ConfigMap, the default ServiceAccount",
        triggers: false, external: ["Secret/orders-db", "Secret/registry"],
        manifests: """
          apiVersion: batch/v1
          kind: CronJob
          metadata: {name: report}
          spec:
            schedule: "0 3 * * *"
            jobTemplate:
              spec:
                template:
                  spec:
                    restartPolicy: OnFailure
                    serviceAccountName: default
                    imagePullSecrets: [{name: registry}]
                    containers:
                    - name: report
                      image: ghcr.io/acme/report:1.0.0
                      env:
                      - name: DATABASE_URL
                        valueFrom: {secretKeyRef: {name: orders-db, key: url}}
                      envFrom: [{configMapRef: {name: report-overrides, optional: true}}]
          """),
      RuleExample(
        "a Service without a selector (its endpoints are managed elsewhere)", triggers: false,
        manifests: """
          apiVersion: v1
          kind: Service
          metadata: {name: legacy-db}
          spec:
            ports: [{port: 5432}]
          """),
    ]
  }

  func check(_ context: ValidationContext) -> [Diagnostic] {
    let checker = ReferenceChecker(context, rule: id)
    return context.subjects.flatMap { checker.check($0) }
  }
}
