import Foundation
import Testing

/// `render build` on broken repositories: exit 1, every finding with its location, and
/// `rendered/` exactly as it was (SPEC section 5: a render that finds any error writes
/// nothing).
@Suite struct BuildFailureTests {
  /// Seeds `rendered/` with a good build of `Fixture.shop`, applies `breakage`, builds
  /// again, and checks that the run failed, wrote nothing (not a byte, not an mtime) and
  /// left nothing behind. Returns the failed run, for the caller to check its findings.
  func buildBroken(
    sourceLocation: SourceLocation = #_sourceLocation,
    _ breakage: (TemporaryRepository) throws -> Void
  ) throws -> RenderBinary.Result {
    let repository = try TemporaryRepository(Fixture.shop)
    try repository.seed()
    try breakage(repository)
    let before = try repository.snapshot()
    #expect(before.files.count >= 10, sourceLocation: sourceLocation)

    let result = try repository.render("build")
    #expect(result.status == 1, "\(result.transcript)", sourceLocation: sourceLocation)
    #expect(result.stdout == "", sourceLocation: sourceLocation)
    #expect(
      result.stderr.hasSuffix("render: nothing written: fix the errors above.\n"),
      "\(result.stderr)", sourceLocation: sourceLocation)
    let after = try repository.snapshot()
    #expect(
      after == before, "rendered/ changed: \(after.differences(from: before))",
      sourceLocation: sourceLocation)
    #expect(try repository.leftovers() == [], sourceLocation: sourceLocation)
    return result
  }

  @Test func yamlSyntaxError() throws {
    let result = try buildBroken {
      try $0.write(
        "services/api/service.yaml",
        """
        template: web
        image: ghcr.io/acme/api
        version: 1.0.0
        values:
          port: 9090
         replicas: 2

        """)
    }
    #expect(
      result.stderr == """
        services/api/service.yaml:6:2: error[input]: did not find expected key (while parsing a block mapping at line 1, column 1)
           replicas: 2
           ^
        1 error
        render: nothing written: fix the errors above.

        """)
  }

  @Test func duplicateKey() throws {
    let result = try buildBroken {
      try $0.append("services/web/service.yaml", "image: ghcr.io/acme/other\n")
    }
    #expect(
      result.stderr == """
        services/web/service.yaml:4:1: error[input]: duplicate key 'image' (first set at line 2, column 1)
          image: ghcr.io/acme/other
          ^
        1 error
        render: nothing written: fix the errors above.

        """)
  }

  @Test func unknownKeyWithDidYouMean() throws {
    let result = try buildBroken {
      try $0.write(
        "environments/prod/environment.yaml",
        """
        inherits: base
        namespace: shop-prod
        lables:
          environment: prod

        """)
    }
    #expect(
      result.stderr == """
        environments/prod/environment.yaml:3:1: error[input]: unknown key 'lables' in environments/prod/environment.yaml; did you mean 'labels'?
          lables:
          ^
        1 error
        render: nothing written: fix the errors above.

        """)
  }

  @Test func missingTemplateWithDidYouMean() throws {
    let result = try buildBroken {
      try $0.replace("template: web", with: "template: wbe", in: "services/web/service.yaml")
    }
    #expect(
      result.stderr == """
        services/web/service.yaml:1:11: error[input]: service 'web' uses template 'wbe', which does not exist; did you mean 'web'?
          template: wbe
                    ^
        1 error
        render: nothing written: fix the errors above.

        """)
  }

  @Test func inheritanceCycle() throws {
    let result = try buildBroken {
      try $0.replace(
        "inherits: base", with: "inherits: prod", in: "environments/dev/environment.yaml")
      try $0.replace(
        "inherits: base", with: "inherits: dev", in: "environments/prod/environment.yaml")
    }
    // One cycle, reported once, at an `inherits:` of the cycle, naming the whole cycle.
    let cycle =
      #/^environments/(dev|prod)/environment\.yaml:1:11: error\[input\]: environments inherit in a cycle: (dev -> prod -> dev|prod -> dev -> prod)$/#
    #expect(result.errors.count == 1, "\(result.stderr)")
    #expect(result.errors.allSatisfy { $0.contains(cycle) }, "\(result.stderr)")
  }

  @Test(arguments: [
    ("services/api", "services/Api", "service", "Api"),
    ("services/api", "services/my_api", "service", "my_api"),
    ("environments/prod", "environments/Prod", "environment", "Prod"),
    ("environments/prod", "environments/my_prod", "environment", "my_prod"),
    ("templates/web", "templates/Web_1", "template", "Web_1"),
  ])
  func invalidName(original: String, folder: String, kind: String, name: String) throws {
    let result = try buildBroken { try $0.move(original, to: folder) }
    let expected =
      "\(folder):1:1: error[input]: \(kind) name '\(name)' is not a DNS-1123 label"
    #expect(result.errors.contains(expected), "\(result.stderr)")
    #expect(
      result.stderr.contains(
        "\(expected)\n  help: use lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters\n"
      ), "\(result.stderr)")
  }

  @Test func manifestsFolderTraversal() throws {
    let result = try buildBroken {
      try $0.write(
        "services/api/service.yaml",
        "manifests: ../../etc\nimage: ghcr.io/acme/api\nversion: 1.0.0\n")
    }
    #expect(
      result.stderr == """
        services/api/service.yaml:1:12: error[input]: 'manifests' must be a folder inside services/api/, not '../../etc'
          manifests: ../../etc
                     ^
        1 error
        render: nothing written: fix the errors above.

        """)
  }

  @Test func templateNameTraversal() throws {
    let result = try buildBroken {
      try $0.replace("template: web", with: "template: ../x", in: "services/web/service.yaml")
    }
    #expect(result.errors.count == 1, "\(result.stderr)")
    #expect(
      (result.errors.first ?? "").hasPrefix("services/web/service.yaml:1:11: error[input]: "),
      "\(result.stderr)")
    #expect(result.stderr.contains("'../x'"))
  }

  @Test func symlinkedFolderLeavingTheRepository() throws {
    var outside = ""
    let result = try buildBroken { repository in
      // A real folder outside the repository, with YAML render would happily read.
      outside = repository.scratch + "/outside"
      try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
      try Data("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: stolen}\n".utf8).write(
        to: URL(fileURLWithPath: outside + "/configmap.yaml"))
      try repository.symlink("services/api/manifests", to: outside)
      try repository.write(
        "services/api/service.yaml",
        "manifests: manifests\nimage: ghcr.io/acme/api\nversion: 1.0.0\n")
    }
    #expect(
      result.errors.first
        == "services/api/manifests:1:1: error[input]: 'services/api/manifests' is a symbolic link that leaves the repository (to '\(outside)')",
      "\(result.stderr)")
    #expect(!result.stderr.contains("stolen"))
  }

  @Test func symlinkedFileLeavingTheRepository() throws {
    var outside = ""
    let result = try buildBroken { repository in
      // A real file outside the repository, in the test's own scratch folder.
      outside = repository.scratch + "/outside.yaml"
      try Data("kind: ConfigMap\n".utf8).write(to: URL(fileURLWithPath: outside))
      try repository.symlink("services/web/extra.yaml", to: outside)
    }
    #expect(
      result.errors == [
        "services/web/extra.yaml:1:1: error[input]: 'services/web/extra.yaml' is a symbolic link that leaves the repository (to '\(outside)')"
      ], "\(result.stderr)")
  }

  @Test func symlinkedServiceLeavingTheRepository() throws {
    let result = try buildBroken {
      try $0.symlink("services/evil", to: "../..")
    }
    #expect(result.errors.count == 1, "\(result.stderr)")
    #expect(
      (result.errors.first ?? "").hasPrefix(
        "services/evil:1:1: error[input]: 'services/evil' is a symbolic link that leaves the repository"
      ), "\(result.stderr)")
  }

  @Test func undefinedExpressionWithDidYouMean() throws {
    let result = try buildBroken {
      try $0.replace(
        "${ values.replicas }", with: "${ values.replcas }", in: "templates/web/deployment.yaml")
    }
    let expected =
      "templates/web/deployment.yaml:8:13: error[input]: 'values.replcas' is not defined; did you mean 'values.replicas'?"
    #expect(result.errors.first == expected, "\(result.stderr)")
    #expect(
      result.stderr.hasPrefix("\(expected)\n    replicas: ${ values.replcas }\n              ^\n"),
      "\(result.stderr)")
    // Reported once: the incomplete document is not schema-checked as well.
    #expect(result.errors == [expected], "\(result.stderr)")
  }

  @Test func wrongParameterTypeInAnEnvironmentOverrideFile() throws {
    let result = try buildBroken {
      try $0.write(
        "environments/prod/api.yaml",
        """
        # Scale up for the sale.
        values:
          replicas: three

        """)
    }
    let expected =
      "environments/prod/api.yaml:3:13: error[input]: 'values.replicas' must be an integer, not a string (\"three\")"
    #expect(result.errors.first == expected, "\(result.stderr)")
    // Reported once: an environment whose services do not resolve is not rendered.
    #expect(result.errors == [expected], "\(result.stderr)")
  }

  @Test func wrongParameterTypeInTheEnvironmentServicesBlock() throws {
    let result = try buildBroken {
      try $0.append(
        "environments/prod/environment.yaml",
        """
        services:
          web:
            values:
              port: high

        """)
    }
    #expect(
      result.errors.first
        == "environments/prod/environment.yaml:11:13: error[input]: 'values.port' must be an integer, not a string (\"high\")",
      "\(result.stderr)")
  }

  @Test func patchWhoseTargetMatchesNothing() throws {
    let result = try buildBroken {
      try $0.append(
        "environments/prod/environment.yaml",
        """
        patches:
          - target: {kind: StatefulSet}
            merge: {spec: {replicas: 2}}

        """)
    }
    #expect(
      result.errors == [
        "environments/prod/environment.yaml:9:13: error[input]: patch target {kind: StatefulSet} matches nothing in environment 'prod'"
      ], "\(result.stderr)")
    #expect(result.stderr.contains("\n  help: resources there: "), "\(result.stderr)")
  }

  @Test func handWrittenFileWhereRenderWantsToWrite() throws {
    let result = try buildBroken {
      try $0.write("rendered/dev/api/service-api.yaml", "# kept by hand\nkind: Service\n")
      // Something else changed too, so that the build has something to write.
      try $0.replace("version: 2.0.0", with: "version: 2.0.1", in: "services/web/service.yaml")
    }
    #expect(
      result.stderr == """
        rendered/dev/api/service-api.yaml:1:1: error[output]: render would overwrite rendered/dev/api/service-api.yaml, which it did not generate (the file has no render header)
          help: move the file out of rendered/ or delete it; render owns the paths it generates
        1 error
        render: nothing written: fix the errors above.

        """)
  }

  @Test func linkWhereRenderWantsToWrite() throws {
    let result = try buildBroken {
      try $0.remove("rendered/dev/api/service-api.yaml")
      try $0.symlink("rendered/dev/api/service-api.yaml", to: $0.scratch + "/elsewhere.yaml")
    }
    #expect(
      result.errors == [
        "rendered/dev/api/service-api.yaml:1:1: error[output]: cannot write rendered/dev/api/service-api.yaml: something that is not a regular file is there"
      ], "\(result.stderr)")
  }

  @Test func severalErrorsAreReportedTogether() throws {
    let result = try buildBroken {
      try $0.append("services/api/service.yaml", "replicas: 2\n")
      try $0.replace("template: web", with: "template: wbe", in: "services/web/service.yaml")
      try $0.append("environments/dev/environment.yaml", "namespace: again\n")
      try $0.replace(
        "inherits: base", with: "inherits: bsae", in: "environments/prod/environment.yaml")
    }
    #expect(
      result.errors == [
        "environments/dev/environment.yaml:5:1: error[input]: duplicate key 'namespace' (first set at line 2, column 1)",
        "environments/prod/environment.yaml:1:11: error[input]: environment 'prod' inherits 'bsae', which does not exist; did you mean 'base'?",
        "services/api/service.yaml:8:1: error[input]: unknown key 'replicas' in services/api/service.yaml",
        "services/web/service.yaml:1:11: error[input]: service 'web' uses template 'wbe', which does not exist; did you mean 'web'?",
      ], "\(result.stderr)")
    #expect(
      result.stderr.hasSuffix("\n4 errors\nrender: nothing written: fix the errors above.\n"),
      "\(result.stderr)")
  }
}
