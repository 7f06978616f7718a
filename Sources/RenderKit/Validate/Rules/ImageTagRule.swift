/// `image-tag`: every container image names a version, by tag or digest, and the tag is
/// not `latest`.
struct ImageTagRule: PolicyRule {
  let id: RuleID = .imageTag
  let summary = "Every container image has a tag or a digest, and the tag is not `latest`."
  let rationale = """
    An image without a tag means `latest`, and `latest` means whatever was pushed last: \
    two nodes can run different code from one manifest, and a rollback changes nothing. \
    A pinned tag or digest makes the rendered output say exactly what runs, so a diff of \
    `rendered/` is a diff of what is deployed.
    """
  let defaultSeverity = RuleSeverity.error

  var examples: [RuleExample] {
    [
      RuleExample(
        "an image without a tag", triggers: true,
        manifests: """
          apiVersion: v1
          kind: Pod
          metadata: {name: web}
          spec:
            containers:
            - name: app
              image: nginx
          """),
      RuleExample(
        "the latest tag, on an init container", triggers: true,
        manifests: """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web}
          spec:
            selector: {matchLabels: {app: web}}
            template:
              metadata: {labels: {app: web}}
              spec:
                initContainers:
                - name: migrate
                  image: ghcr.io/acme/migrate:latest
                containers:
                - name: app
                  image: ghcr.io/acme/web:1.4.2
          """),
      RuleExample(
        "a registry port is not a tag", triggers: true,
        manifests: """
          apiVersion: v1
          kind: Pod
          metadata: {name: web}
          spec:
            containers:
            - name: app
              image: registry.local:5000/acme/web
          """),
      RuleExample(
        "a version tag", triggers: false,
        manifests: """
          apiVersion: v1
          kind: Pod
          metadata: {name: web}
          spec:
            containers:
            - name: app
              image: registry.local:5000/acme/web:1.4.2
          """),
      RuleExample(
        "a digest (with or without a tag)", triggers: false,
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
                    restartPolicy: Never
                    containers:
                    - name: job
                      image: ghcr.io/acme/report@sha256:4a5c0a8b4f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8
                    - name: upload
                      image: ghcr.io/acme/upload:latest@sha256:0f9e8d7c6b5a49382716a5b4c3d2e1f00f9e8d7c6b5a49382716a5b4c3d2e1f0
          """),
    ]
  }

  func check(_ context: ValidationContext) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for workload in Workload.all(in: context) {
      for container in workload.pod.containers {
        let path = container.path + [.key("image")]
        guard let image = container.node["image"]?.string else { continue }
        let reference = ImageReference(image)
        if let digest = reference.digest, !digest.isEmpty { continue }
        switch reference.tag {
        case nil, "":
          findings.append(
            context.finding(
              id, "\(workload.describe(container)) has no tag on its image '\(image)'",
              in: workload.resource, at: path,
              help:
                "pin a version: '\(reference.repository):<version>', or a digest '\(reference.repository)@sha256:...'"
            ))
        case "latest":
          findings.append(
            context.finding(
              id,
              "\(workload.describe(container)) uses the 'latest' tag of '\(reference.repository)'",
              in: workload.resource, at: path,
              help: "pin a version tag or a digest instead of 'latest'"))
        default:
          continue
        }
      }
    }
    return findings
  }
}
