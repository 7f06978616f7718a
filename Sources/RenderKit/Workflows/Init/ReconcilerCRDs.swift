/// The CustomResourceDefinitions `render init --argocd` and `--flux` write to `crds/`, so
/// the generated Applications and Kustomizations validate from the first build. Copies
/// of the files in render's own `crds/` (a test keeps them equal).
extension ProjectSkeleton {
  /// `crds/application-argoproj-io.yaml`.
  public static let applicationCRD = #"""
    # Argo CD Application (argoproj.io/v1alpha1), for validating rendered/_argocd/.
    #
    # Written for render from Argo CD's documentation (the Application specification in the
    # user guide, and the declarative setup, automated sync, sync options, retry and diffing
    # pages); it is not Argo CD's own CRD file. It describes the documented fields of spec
    # structurally, so a misspelt or misplaced field in an Application is an error; only
    # values that Argo CD itself treats as free-form (Helm's valuesObject, the live
    # operation and status) keep unknown fields. To validate against the CRD Argo CD ships,
    # replace this file with it.
    apiVersion: apiextensions.k8s.io/v1
    kind: CustomResourceDefinition
    metadata:
      name: applications.argoproj.io
      labels:
        app.kubernetes.io/name: applications.argoproj.io
        app.kubernetes.io/part-of: argocd
    spec:
      group: argoproj.io
      names:
        kind: Application
        listKind: ApplicationList
        plural: applications
        singular: application
        shortNames: [app, apps]
      scope: Namespaced
      versions:
        - name: v1alpha1
          served: true
          storage: true
          subresources: {}
          schema:
            openAPIV3Schema:
              type: object
              description: A group of Kubernetes resources deployed from one source to one destination.
              required: [metadata, spec]
              properties:
                apiVersion: {type: string}
                kind: {type: string}
                metadata: {type: object}
                spec:
                  type: object
                  required: [destination, project]
                  properties:
                    project:
                      type: string
                      description: The AppProject the application belongs to (`default` if unsure).
                    source:
                      type: object
                      description: Where the manifests come from (one source).
                      required: [repoURL]
                      properties: &sourceProperties
                        repoURL:
                          type: string
                          description: A git repository, Helm repository or OCI registry URL.
                        path:
                          type: string
                          description: The folder inside a git repository.
                        targetRevision:
                          type: string
                          description: A branch, tag or commit (git), or a chart version (Helm). Default HEAD.
                        chart:
                          type: string
                          description: The chart name, for a source in a Helm repository.
                        ref:
                          type: string
                          description: A name other sources use to refer to this one ($ref/values.yaml).
                        name:
                          type: string
                          description: The source's name in the UI (multi-source applications).
                        directory:
                          type: object
                          description: Options for a folder of plain manifests.
                          properties:
                            recurse: {type: boolean}
                            include: {type: string}
                            exclude: {type: string}
                            jsonnet:
                              type: object
                              properties:
                                extVars: &jsonnetVariables
                                  type: array
                                  items:
                                    type: object
                                    required: [name, value]
                                    properties:
                                      name: {type: string}
                                      value: {type: string}
                                      code: {type: boolean}
                                tlas: *jsonnetVariables
                                libs:
                                  type: array
                                  items: {type: string}
                        helm:
                          type: object
                          description: Options for a Helm chart.
                          properties:
                            releaseName: {type: string}
                            namespace: {type: string}
                            version: {type: string, description: v3}
                            valueFiles:
                              type: array
                              items: {type: string}
                            ignoreMissingValueFiles: {type: boolean}
                            values:
                              type: string
                              description: Values as a YAML string.
                            valuesObject:
                              type: object
                              description: Values as an object; the chart defines what they are.
                              x-kubernetes-preserve-unknown-fields: true
                            parameters:
                              type: array
                              items:
                                type: object
                                properties:
                                  name: {type: string}
                                  value: {type: string}
                                  forceString: {type: boolean}
                            fileParameters:
                              type: array
                              items:
                                type: object
                                properties:
                                  name: {type: string}
                                  path: {type: string}
                            passCredentials: {type: boolean}
                            skipCrds: {type: boolean}
                            skipSchemaValidation: {type: boolean}
                            skipTests: {type: boolean}
                            kubeVersion: {type: string}
                            apiVersions:
                              type: array
                              items: {type: string}
                        kustomize:
                          type: object
                          description: Options for a kustomization.
                          properties:
                            namePrefix: {type: string}
                            nameSuffix: {type: string}
                            namespace: {type: string}
                            version: {type: string}
                            images:
                              type: array
                              items: {type: string}
                            commonLabels:
                              type: object
                              additionalProperties: {type: string}
                            commonAnnotations:
                              type: object
                              additionalProperties: {type: string}
                            commonAnnotationsEnvsubst: {type: boolean}
                            labelWithoutSelector: {type: boolean}
                            forceCommonLabels: {type: boolean}
                            forceCommonAnnotations: {type: boolean}
                            replicas:
                              type: array
                              items:
                                type: object
                                required: [name, count]
                                properties:
                                  name: {type: string}
                                  count:
                                    x-kubernetes-int-or-string: true
                                    anyOf: [{type: integer}, {type: string}]
                            patches:
                              type: array
                              items:
                                type: object
                                properties:
                                  path: {type: string}
                                  patch: {type: string}
                                  options:
                                    type: object
                                    additionalProperties: {type: boolean}
                                  target:
                                    type: object
                                    properties:
                                      group: {type: string}
                                      version: {type: string}
                                      kind: {type: string}
                                      name: {type: string}
                                      namespace: {type: string}
                                      labelSelector: {type: string}
                                      annotationSelector: {type: string}
                            components:
                              type: array
                              items: {type: string}
                            kubeVersion: {type: string}
                            apiVersions:
                              type: array
                              items: {type: string}
                        plugin:
                          type: object
                          description: A config management plugin.
                          properties:
                            name: {type: string}
                            env:
                              type: array
                              items:
                                type: object
                                required: [name, value]
                                properties:
                                  name: {type: string}
                                  value: {type: string}
                            parameters:
                              type: array
                              items:
                                type: object
                                properties:
                                  name: {type: string}
                                  string: {type: string}
                                  array:
                                    type: array
                                    items: {type: string}
                                  map:
                                    type: object
                                    additionalProperties: {type: string}
                    sources:
                      type: array
                      description: Several sources, instead of `source`.
                      items:
                        type: object
                        required: [repoURL]
                        properties: *sourceProperties
                    destination:
                      type: object
                      description: The cluster (by `server` URL or by `name`) and namespace to deploy to.
                      properties:
                        server: {type: string}
                        name: {type: string}
                        namespace: {type: string}
                    syncPolicy:
                      type: object
                      properties:
                        automated:
                          type: object
                          description: Sync whenever git and the cluster differ.
                          properties:
                            enabled: {type: boolean}
                            prune:
                              type: boolean
                              description: Delete resources that are no longer in git.
                            selfHeal:
                              type: boolean
                              description: Revert changes made in the cluster.
                            allowEmpty: {type: boolean}
                        syncOptions:
                          type: array
                          description: Options such as CreateNamespace=true or ServerSideApply=true.
                          items: {type: string}
                        retry:
                          type: object
                          properties:
                            limit:
                              type: integer
                              format: int64
                            refresh: {type: boolean}
                            backoff:
                              type: object
                              properties:
                                duration: {type: string}
                                factor:
                                  type: integer
                                  format: int64
                                maxDuration: {type: string}
                        managedNamespaceMetadata:
                          type: object
                          properties:
                            labels:
                              type: object
                              additionalProperties: {type: string}
                            annotations:
                              type: object
                              additionalProperties: {type: string}
                    ignoreDifferences:
                      type: array
                      description: Fields whose differences do not make the application out of sync.
                      items:
                        type: object
                        required: [kind]
                        properties:
                          group: {type: string}
                          kind: {type: string}
                          name: {type: string}
                          namespace: {type: string}
                          jsonPointers:
                            type: array
                            items: {type: string}
                          jqPathExpressions:
                            type: array
                            items: {type: string}
                          managedFieldsManagers:
                            type: array
                            items: {type: string}
                    revisionHistoryLimit:
                      type: integer
                      format: int64
                      description: How many past syncs to keep in the history (default 10).
                    info:
                      type: array
                      description: Extra information shown in the UI.
                      items:
                        type: object
                        required: [name, value]
                        properties:
                          name: {type: string}
                          value: {type: string}
                operation:
                  type: object
                  description: A sync requested through the API; Argo CD fills it in.
                  x-kubernetes-preserve-unknown-fields: true
                status:
                  type: object
                  x-kubernetes-preserve-unknown-fields: true

    """#

  /// `crds/applicationset-argoproj-io.yaml`.
  public static let applicationSetCRD = #"""
    # Argo CD ApplicationSet (argoproj.io/v1alpha1), for validating the ApplicationSets
    # render writes with `argocd: {applicationSet: true}` in render.yaml.
    #
    # Written for render from Argo CD's documentation (the ApplicationSet specification,
    # the git generator and Go template pages); it is not Argo CD's own CRD file. The parts
    # render generates (the git directory generator and the template's metadata and
    # syncPolicy) are structural, so a misspelt field is an error; the template's spec holds
    # Go template text and other generators are free-form. To validate against the CRD
    # Argo CD ships, replace this file with it.
    apiVersion: apiextensions.k8s.io/v1
    kind: CustomResourceDefinition
    metadata:
      name: applicationsets.argoproj.io
      labels:
        app.kubernetes.io/name: applicationsets.argoproj.io
        app.kubernetes.io/part-of: argocd
    spec:
      group: argoproj.io
      names:
        kind: ApplicationSet
        listKind: ApplicationSetList
        plural: applicationsets
        singular: applicationset
        shortNames: [appset, appsets]
      scope: Namespaced
      versions:
        - name: v1alpha1
          served: true
          storage: true
          subresources: {}
          schema:
            openAPIV3Schema:
              type: object
              description: Applications made from a template, one per item a generator yields.
              required: [metadata, spec]
              properties:
                apiVersion: {type: string}
                kind: {type: string}
                metadata: {type: object}
                spec:
                  type: object
                  required: [generators, template]
                  properties:
                    goTemplate:
                      type: boolean
                      description: Render the template with Go's text/template (`{{.path.basename}}`).
                    goTemplateOptions:
                      type: array
                      items: {type: string}
                    generators:
                      type: array
                      items:
                        type: object
                        properties:
                          git:
                            type: object
                            description: Items from a git repository's folders or files.
                            required: [repoURL, revision]
                            properties:
                              repoURL: {type: string}
                              revision: {type: string}
                              pathParamPrefix: {type: string}
                              requeueAfterSeconds:
                                type: integer
                                format: int64
                              directories:
                                type: array
                                items:
                                  type: object
                                  required: [path]
                                  properties:
                                    path:
                                      type: string
                                      description: A folder or glob (`rendered/prod/*`).
                                    exclude:
                                      type: boolean
                                      description: Leave out the folders this path matches.
                              files:
                                type: array
                                items:
                                  type: object
                                  required: [path]
                                  properties:
                                    path: {type: string}
                                    exclude: {type: boolean}
                              values:
                                type: object
                                additionalProperties: {type: string}
                          list: {type: object, x-kubernetes-preserve-unknown-fields: true}
                          clusters: {type: object, x-kubernetes-preserve-unknown-fields: true}
                          matrix: {type: object, x-kubernetes-preserve-unknown-fields: true}
                          merge: {type: object, x-kubernetes-preserve-unknown-fields: true}
                          scmProvider: {type: object, x-kubernetes-preserve-unknown-fields: true}
                          pullRequest: {type: object, x-kubernetes-preserve-unknown-fields: true}
                          clusterDecisionResource: {type: object, x-kubernetes-preserve-unknown-fields: true}
                          plugin: {type: object, x-kubernetes-preserve-unknown-fields: true}
                          selector: {type: object, x-kubernetes-preserve-unknown-fields: true}
                    template:
                      type: object
                      required: [metadata, spec]
                      properties:
                        metadata:
                          type: object
                          properties:
                            name: {type: string}
                            namespace: {type: string}
                            labels:
                              type: object
                              additionalProperties: {type: string}
                            annotations:
                              type: object
                              additionalProperties: {type: string}
                            finalizers:
                              type: array
                              items: {type: string}
                        spec:
                          type: object
                          description: An Application spec, with Go template text in its strings.
                          x-kubernetes-preserve-unknown-fields: true
                    syncPolicy:
                      type: object
                      properties:
                        preserveResourcesOnDeletion: {type: boolean}
                        applicationsSync:
                          type: string
                          enum: [create-only, create-update, create-delete, sync]
                    strategy: {type: object, x-kubernetes-preserve-unknown-fields: true}
                    ignoreApplicationDifferences:
                      type: array
                      items: {type: object, x-kubernetes-preserve-unknown-fields: true}
                    templatePatch: {type: string}
                status: {type: object, x-kubernetes-preserve-unknown-fields: true}

    """#

  /// `crds/kustomization-kustomize-toolkit-fluxcd-io.yaml`.
  public static let kustomizationCRD = #"""
    # Flux Kustomization (kustomize.toolkit.fluxcd.io/v1), for validating rendered/_flux/.
    #
    # Written for render from the Flux documentation (the kustomize-controller's
    # Kustomization guide and its v1 API reference); it is not Flux's own CRD file. It
    # describes the documented fields of spec structurally, so a misspelt or misplaced field
    # is an error, and checks durations with the pattern the API documents. Only the status,
    # which the controller writes, keeps unknown fields. To validate against the CRD Flux
    # ships, replace this file with it.
    apiVersion: apiextensions.k8s.io/v1
    kind: CustomResourceDefinition
    metadata:
      name: kustomizations.kustomize.toolkit.fluxcd.io
      labels:
        app.kubernetes.io/name: kustomizations.kustomize.toolkit.fluxcd.io
        app.kubernetes.io/part-of: flux
    spec:
      group: kustomize.toolkit.fluxcd.io
      names:
        kind: Kustomization
        listKind: KustomizationList
        plural: kustomizations
        singular: kustomization
        shortNames: [ks]
      scope: Namespaced
      versions:
        - name: v1
          served: true
          storage: true
          subresources:
            status: {}
          schema:
            openAPIV3Schema:
              type: object
              description: Applies the manifests at a path of a Flux source to the cluster and keeps them applied.
              properties:
                apiVersion: {type: string}
                kind: {type: string}
                metadata: {type: object}
                spec:
                  type: object
                  required: [interval, prune, sourceRef]
                  properties:
                    interval:
                      type: string
                      description: How often to reconcile, as a Go duration (5m, 1h30m).
                      pattern: '^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$'
                    retryInterval:
                      type: string
                      description: How soon to retry after a failed reconciliation (default interval).
                      pattern: '^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$'
                    timeout:
                      type: string
                      description: How long apply, health checks and pruning may take.
                      pattern: '^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$'
                    path:
                      type: string
                      description: The folder in the source holding the manifests or kustomization.yaml (default the root).
                    prune:
                      type: boolean
                      description: Delete objects that were applied before and are no longer in the source.
                    deletionPolicy:
                      type: string
                      enum: [MirrorPrune, Delete, WaitForTermination, Orphan]
                    sourceRef:
                      type: object
                      description: The Flux source holding the manifests.
                      required: [kind, name]
                      properties:
                        apiVersion: {type: string}
                        kind:
                          type: string
                          enum: [OCIRepository, GitRepository, Bucket, ExternalArtifact]
                        name: {type: string}
                        namespace: {type: string}
                    targetNamespace:
                      type: string
                      description: Sets or overrides the namespace of every namespaced object.
                      minLength: 1
                      maxLength: 63
                    dependsOn:
                      type: array
                      description: Kustomizations that must be ready before this one is reconciled.
                      items:
                        type: object
                        required: [name]
                        properties:
                          name: {type: string}
                          namespace: {type: string}
                          readyExpr: {type: string}
                    suspend:
                      type: boolean
                      description: Stop reconciling (for maintenance).
                    wait:
                      type: boolean
                      description: Wait for every applied object to become ready (healthChecks are then ignored).
                    force:
                      type: boolean
                      description: Recreate objects whose immutable fields changed.
                    healthChecks:
                      type: array
                      description: Objects whose readiness decides the Kustomization's.
                      items:
                        type: object
                        required: [kind, name]
                        properties:
                          apiVersion: {type: string}
                          kind: {type: string}
                          name: {type: string}
                          namespace: {type: string}
                    healthCheckExprs:
                      type: array
                      items:
                        type: object
                        required: [apiVersion, kind, current]
                        properties:
                          apiVersion: {type: string}
                          kind: {type: string}
                          current: {type: string}
                          inProgress: {type: string}
                          failed: {type: string}
                    patches:
                      type: array
                      description: Strategic merge or JSON 6902 patches, with an optional target.
                      items:
                        type: object
                        required: [patch]
                        properties:
                          patch: {type: string}
                          target:
                            type: object
                            properties:
                              group: {type: string}
                              version: {type: string}
                              kind: {type: string}
                              name: {type: string}
                              namespace: {type: string}
                              labelSelector: {type: string}
                              annotationSelector: {type: string}
                    images:
                      type: array
                      items:
                        type: object
                        required: [name]
                        properties:
                          name: {type: string}
                          newName: {type: string}
                          newTag: {type: string}
                          digest: {type: string}
                    postBuild:
                      type: object
                      description: Variable substitution (${var}) after the kustomize build.
                      properties:
                        substitute:
                          type: object
                          additionalProperties: {type: string}
                        substituteFrom:
                          type: array
                          items:
                            type: object
                            required: [kind, name]
                            properties:
                              kind:
                                type: string
                                enum: [Secret, ConfigMap]
                              name: {type: string}
                              optional: {type: boolean}
                    commonMetadata:
                      type: object
                      properties:
                        labels:
                          type: object
                          additionalProperties: {type: string}
                        annotations:
                          type: object
                          additionalProperties: {type: string}
                    components:
                      type: array
                      items: {type: string}
                    namePrefix: {type: string}
                    nameSuffix: {type: string}
                    serviceAccountName: {type: string}
                    decryption:
                      type: object
                      required: [provider]
                      properties:
                        provider:
                          type: string
                          enum: [sops]
                        secretRef:
                          type: object
                          required: [name]
                          properties:
                            name: {type: string}
                    kubeConfig:
                      type: object
                      description: A kubeconfig in a Secret, to apply to another cluster.
                      properties:
                        secretRef:
                          type: object
                          required: [name]
                          properties:
                            name: {type: string}
                            key: {type: string}
                        configMapRef:
                          type: object
                          required: [name]
                          properties:
                            name: {type: string}
                status:
                  type: object
                  x-kubernetes-preserve-unknown-fields: true

    """#
}
