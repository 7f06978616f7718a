import Foundation
import Testing

/// `render build` on repositories that parse and render but break a Kubernetes schema or
/// a policy rule: exit 1, the finding with its rule id at the input line that produced
/// the offending value, the rendered file and field named, and `rendered/` untouched.
@Suite struct ValidationFailureTests {
  /// Seeds a good build of `Fixture.shop`, applies `breakage`, builds again, and returns
  /// the error lines (each `file:line:col: error[rule]: message`) and the whole stderr.
  /// - Parameter strict: build with `--strict`, for rules whose default is a warning.
  func errors(
    strict: Bool = false, sourceLocation: SourceLocation = #_sourceLocation,
    _ breakage: (TemporaryRepository) throws -> Void
  ) throws -> (errors: [String], stderr: String) {
    let repository = try TemporaryRepository(Fixture.shop)
    try repository.seed()
    try breakage(repository)
    let before = try repository.snapshot()
    let result =
      strict ? try repository.render("build", "--strict") : try repository.render("build")
    #expect(result.status == 1, "\(result.transcript)", sourceLocation: sourceLocation)
    #expect(try repository.snapshot() == before, sourceLocation: sourceLocation)
    return (result.errors, result.stderr)
  }

  @Test func latestTag() throws {
    let found = try errors {
      try $0.replace("version: 2.0.0", with: "version: latest", in: "services/web/service.yaml")
    }
    #expect(
      found.errors == [
        "services/web/service.yaml:3:10: error[image-tag]: container 'app' of Deployment/web uses the 'latest' tag of 'ghcr.io/acme/web'"
      ], "\(found.stderr)")
    #expect(
      found.stderr.contains(
        "note: in rendered/dev/web/deployment-web.yaml at spec.template.spec.containers[0].image"))
  }

  @Test func missingMemoryLimit() throws {
    // `resources` warns by default; --strict makes warnings errors.
    let found = try errors(strict: true) {
      try $0.replace(
        "\n            limits: {memory: 128Mi}", with: "", in: "templates/web/deployment.yaml")
    }
    #expect(found.errors.count == 2, "\(found.stderr)")  // api and web
    #expect(
      found.errors.allSatisfy {
        $0.hasPrefix("templates/web/deployment.yaml:26:13: error[resources]: ")
          && $0.hasSuffix("has no memory limit")
      }, "\(found.stderr)")
  }

  @Test func privilegedContainer() throws {
    let found = try errors(strict: true) {
      try $0.replace(
        "allowPrivilegeEscalation: false",
        with: "allowPrivilegeEscalation: false\n            privileged: true",
        in: "templates/web/deployment.yaml")
    }
    #expect(
      found.errors == [
        "templates/web/deployment.yaml:34:25: error[security-context]: container 'app' of Deployment/api is privileged: it has every capability and the node's devices",
        "templates/web/deployment.yaml:34:25: error[security-context]: container 'app' of Deployment/web is privileged: it has every capability and the node's devices",
      ], "\(found.stderr)")
  }

  @Test func plaintextSecret() throws {
    let found = try errors {
      try $0.write(
        "environments/base/resources/secret.yaml",
        """
        apiVersion: v1
        kind: Secret
        metadata:
          name: db
          labels: {app.kubernetes.io/name: db}
        data:
          password: aHVudGVyMg==

        """)
    }
    #expect(
      found.errors.first?.hasPrefix(
        "environments/base/resources/secret.yaml:7:3: error[plaintext-secret]: ") == true,
      "\(found.stderr)")
  }

  @Test func serviceSelectorMatchingNoPod() throws {
    let found = try errors {
      try $0.replace(
        "  selector:\n    app.kubernetes.io/name: ${ service.name }",
        with: "  selector:\n    app.kubernetes.io/name: ${ service.name }-backend",
        in: "templates/web/service.yaml")
    }
    #expect(found.errors.count == 2, "\(found.stderr)")
    #expect(
      found.errors.allSatisfy {
        $0.hasPrefix("templates/web/service.yaml:9:29: error[references]: Service/")
          && $0.hasSuffix("which no workload's pods carry")
      }, "\(found.stderr)")
  }

  @Test func ingressToAMissingService() throws {
    let found = try errors {
      try $0.write(
        "environments/base/resources/ingress.yaml",
        """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: shop
          labels: {app.kubernetes.io/name: shop}
        spec:
          rules:
          - host: shop.example.com
            http:
              paths:
              - path: /
                pathType: Prefix
                backend:
                  service: {name: wbe, port: {number: 80}}

        """)
    }
    #expect(
      found.errors.first?.hasPrefix(
        "environments/base/resources/ingress.yaml:14:27: error[references]: ") == true,
      "\(found.stderr)")
    #expect(found.errors.first?.contains("did you mean 'web'?") == true, "\(found.stderr)")
  }

  @Test func unknownField() throws {
    let found = try errors {
      try $0.replace(
        "image: ${ service.imageRef }",
        with: "image: ${ service.imageRef }\n          imagePullPolicyy: Always",
        in: "templates/web/deployment.yaml")
    }
    #expect(
      found.errors.first
        == "templates/web/deployment.yaml:22:11: error[schema]: unknown field 'imagePullPolicyy' in Container; did you mean 'imagePullPolicy'?",
      "\(found.stderr)")
  }

  @Test func wrongTypeSetByAPatch() throws {
    let found = try errors {
      try $0.append(
        "environments/prod/environment.yaml",
        "patches:\n- target: {kind: Deployment}\n  merge: {spec: {revisionHistoryLimit: \"5\"}}\n")
    }
    #expect(
      found.errors.first
        == "environments/prod/environment.yaml:10:40: error[schema]: 'revisionHistoryLimit' must be an integer, not a string",
      "\(found.stderr)")
  }

  @Test func duplicateResource() throws {
    let found = try errors {
      try $0.write(
        "environments/base/resources/quota-copy.yaml",
        try $0.read("environments/base/resources/quota.yaml"))
    }
    #expect(
      found.errors.first?.hasPrefix(
        "environments/base/resources/quota.yaml:1:1: error[unique]: ResourceQuota/quota is rendered twice"
      ) == true, "\(found.stderr)")
  }

  @Test func resourceInAnotherNamespace() throws {
    let found = try errors {
      try $0.replace(
        "  name: quota\n", with: "  name: quota\n  namespace: kube-system\n",
        in: "environments/base/resources/quota.yaml")
    }
    #expect(
      found.errors.first?.hasPrefix(
        "environments/base/resources/quota.yaml:5:14: error[namespace]: ResourceQuota/quota is in namespace 'kube-system'"
      ) == true,
      "\(found.stderr)")
  }

  @Test func customResourceWithoutCRD() throws {
    let found = try errors {
      try $0.write(
        "environments/base/resources/certificate.yaml",
        """
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata:
          name: shop
          labels: {app.kubernetes.io/name: shop}
        spec:
          secretName: shop-tls

        """)
    }
    #expect(
      found.errors.first
        == "environments/base/resources/certificate.yaml:2:7: error[schema]: no schema for Certificate in cert-manager.io/v1: render cannot check it",
      "\(found.stderr)")
    #expect(found.stderr.contains("add the CustomResourceDefinition to crds/"))
  }

  @Test func typoInACustomResourceField() throws {
    let found = try errors {
      try $0.write(
        "crds/backups.yaml",
        """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: backups.example.com}
        spec:
          group: example.com
          scope: Namespaced
          names: {kind: Backup, plural: backups, singular: backup}
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    properties:
                      schedule: {type: string}
                      retentionDays: {type: integer}

        """)
      try $0.write(
        "environments/base/resources/backup.yaml",
        """
        apiVersion: example.com/v1
        kind: Backup
        metadata:
          name: nightly
          labels: {app.kubernetes.io/name: nightly}
        spec:
          schedule: "0 3 * * *"
          retentionDay: 7

        """)
    }
    #expect(
      found.errors.first
        == "environments/base/resources/backup.yaml:8:3: error[schema]: unknown field 'retentionDay' in 'spec'; did you mean 'retentionDays'?",
      "\(found.stderr)")
  }
}

/// An environment whose environment.yaml does not parse still exists for `--env`, and
/// only its own error is reported.
@Suite struct BrokenEnvironmentTests {
  @Test func validateEnvNamesTheParseErrorNotAMissingEnvironment() throws {
    var files = Fixture.shop
    files["render.yaml"] = "output: rendered\npromotion: [dev, prod]\n"
    files["environments/prod/environment.yaml"] = "inherits: base\nnamespace: [shop-prod\n"
    let repository = try TemporaryRepository(files)
    let result = try repository.render("validate", "--env", "prod")
    #expect(result.status == 1, "\(result.transcript)")
    #expect(!result.stderr.contains("no environment"))
    #expect(!result.stderr.contains("promotion"))
    #expect(result.stderr.hasPrefix("environments/prod/environment.yaml:3:1: error[input]:"))
    #expect(result.stderr.contains("1 error\n"))
  }
}
