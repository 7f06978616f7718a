import TestSupport
import Testing

@testable import RenderKit

@Suite struct LabelTransformerTests {
  private func apply(
    _ text: String, labels: String = "{environment: prod, team: shop}"
  ) throws
    -> String
  {
    var resource = try TransformFixture.resource(text)
    LabelTransformer(labels: try TransformFixture.labels(labels)).apply(to: &resource)
    return YAMLEmitter.emit(resource.body)
  }

  @Test func metadataLabelsGetTheLabelsAndManagedBy() throws {
    #expect(
      try apply(
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, labels: {app: x}}\ndata: {}\n")
        == (try TransformFixture.canonical(
          """
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: x, labels: {app: x, environment: prod, team: shop, app.kubernetes.io/managed-by: render}}
          data: {}
          """)))
  }

  @Test func aCustomResourceNamedLikeAWorkloadHasNoPodTemplate() throws {
    // example.com/Deployment is not apps/Deployment: its spec.template is its own.
    #expect(
      try apply(
        "apiVersion: example.com/v1\nkind: Deployment\nmetadata: {name: x}\nspec: {template: {metadata: {labels: {a: b}}}}\n"
      )
        == (try TransformFixture.canonical(
          "apiVersion: example.com/v1\nkind: Deployment\nmetadata: {name: x, labels: {environment: prod, team: shop, app.kubernetes.io/managed-by: render}}\nspec: {template: {metadata: {labels: {a: b}}}}\n"
        )))
    let resource = try TransformFixture.resource(
      "apiVersion: example.com/v1\nkind: Deployment\nmetadata: {name: x}\nspec: {template: {spec: {containers: []}}}\n"
    )
    #expect(PodTemplate(of: resource) == nil)
  }

  @Test func aResourceWithoutLabelsGetsALabelsMapping() throws {
    #expect(
      try apply("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n", labels: "{}")
        == (try TransformFixture.canonical(
          "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, labels: {app.kubernetes.io/managed-by: render}}\n"
        )))
    #expect(
      try apply(
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, labels: null}\n", labels: "{a: b}")
        == (try TransformFixture.canonical(
          "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, labels: {a: b, app.kubernetes.io/managed-by: render}}\n"
        )))
  }

  @Test func labelsWinOverTemplateLabelsOfTheSameKeyInPlace() throws {
    var resource = try TransformFixture.resource(
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: x
        labels:
          environment: dev
          app: x
          app.kubernetes.io/managed-by: helm
      """)
    LabelTransformer(labels: try TransformFixture.labels("{environment: prod}")).apply(
      to: &resource)
    let labels = try #require(resource.body["metadata"]?["labels"])
    #expect(labels.mapping?.map(\.key) == ["environment", "app", "app.kubernetes.io/managed-by"])
    #expect(labels["environment"]?.string == "prod")
    #expect(labels["environment"]?.location.testPath == "environments/prod/environment.yaml")
    #expect(labels["app.kubernetes.io/managed-by"]?.string == "render")
  }

  @Test func deploymentPodTemplateLabelsButNeverTheSelector() throws {
    #expect(
      try apply(
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: app, image: x}]}
        """)
        == (try TransformFixture.canonical(
          """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web, labels: {environment: prod, team: shop, app.kubernetes.io/managed-by: render}}
          spec:
            selector: {matchLabels: {app: web}}
            template:
              metadata: {labels: {app: web, environment: prod, team: shop}}
              spec: {containers: [{name: app, image: x}]}
          """)))
  }

  @Test(arguments: [
    ("apps/v1", "StatefulSet"), ("apps/v1", "DaemonSet"), ("apps/v1", "ReplicaSet"),
    ("batch/v1", "Job"), ("v1", "ReplicationController"),
  ])
  func everyWorkloadKindGetsPodTemplateLabels(apiVersion: String, kind: String) throws {
    let output = try apply(
      "apiVersion: \(apiVersion)\nkind: \(kind)\nmetadata: {name: w}\nspec:\n  selector: {matchLabels: {app: w}}\n  template:\n    spec: {containers: []}\n",
      labels: "{environment: prod}")
    #expect(
      output
        == (try TransformFixture.canonical(
          """
          apiVersion: \(apiVersion)
          kind: \(kind)
          metadata: {name: w, labels: {environment: prod, app.kubernetes.io/managed-by: render}}
          spec:
            selector: {matchLabels: {app: w}}
            template:
              spec: {containers: []}
              metadata: {labels: {environment: prod}}
          """)))
  }

  @Test func cronJobLabelsTheJobTemplateAndItsPodTemplate() throws {
    #expect(
      try apply(
        """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report}
        spec:
          schedule: "@daily"
          jobTemplate:
            spec:
              selector: {matchLabels: {job: report}}
              template:
                metadata: {labels: {job: report}}
                spec: {containers: []}
        """, labels: "{environment: prod}")
        == (try TransformFixture.canonical(
          """
          apiVersion: batch/v1
          kind: CronJob
          metadata: {name: report, labels: {environment: prod, app.kubernetes.io/managed-by: render}}
          spec:
            schedule: "@daily"
            jobTemplate:
              spec:
                selector: {matchLabels: {job: report}}
                template:
                  metadata: {labels: {job: report, environment: prod}}
                  spec: {containers: []}
              metadata: {labels: {environment: prod}}
          """)))
  }

  @Test func otherKindsOnlyGetMetadataLabels() throws {
    // A Service's selector selects pods: never touched, whatever else it holds.
    #expect(
      try apply(
        """
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          selector: {app: web}
          template: {metadata: {labels: {app: web}}}
        """, labels: "{environment: prod}")
        == (try TransformFixture.canonical(
          """
          apiVersion: v1
          kind: Service
          metadata: {name: web, labels: {environment: prod, app.kubernetes.io/managed-by: render}}
          spec:
            selector: {app: web}
            template: {metadata: {labels: {app: web}}}
          """)))
  }

  @Test func aWorkloadKindOfAnotherGroupIsNotAWorkload() throws {
    let output = try apply(
      "apiVersion: example.com/v1\nkind: Deployment\nmetadata: {name: w}\nspec:\n  template: {metadata: {labels: {}}}\n",
      labels: "{environment: prod}")
    #expect(output.contains("template:\n    metadata:\n      labels: {}\n"), "\(output)")
  }

  @Test func oddShapesAreLeftForTheSchemaCheck() throws {
    // No pod template, a template that is not a mapping, pod labels that are a list, no
    // spec: nothing is invented below metadata and nothing crashes.
    let cases = [
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: w}\nspec: {replicas: 1}\n",
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: w}\nspec: {template: [1]}\n",
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: w}\nspec: {template: {metadata: {labels: [a]}}}\n",
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: w}\n",
      "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: w}\nspec: {jobTemplate: 3}\n",
    ]
    for text in cases {
      var expected = try RepositoryFixture.node(text, file: "expected.yaml")
      expected.update("metadata", default: .mapping([])) {
        $0.set(
          "labels",
          to: .mapping([.init("environment", .string("prod")), LabelTransformer.managedBy]))
      }
      #expect(
        try apply(text, labels: "{environment: prod}") == YAMLEmitter.emit(expected), "\(text)")
    }
  }

  @Test func metadataLabelsThatAreNotAMappingAreLeftAlone() throws {
    let text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, labels: [a, b]}\n"
    #expect(try apply(text) == (try TransformFixture.canonical(text)))
  }

  @Test func withNoLabelsThePodTemplateIsLeftAsItWas() throws {
    // managed-by is for the object; pod templates only get the environment's labels.
    #expect(
      try apply(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: w}\nspec: {template: {metadata: {}}}\n",
        labels: "{}")
        == (try TransformFixture.canonical(
          "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: w, labels: {app.kubernetes.io/managed-by: render}}\nspec: {template: {metadata: {}}}\n"
        )))
  }
}
