/// Custom resource definitions the tests of several targets share.
public enum SampleCRD {
  /// `Backup` (example.com/v1, namespaced) with an integer `spec.retentionDays`.
  public static let backups = """
    apiVersion: apiextensions.k8s.io/v1
    kind: CustomResourceDefinition
    metadata: {name: backups.example.com}
    spec:
      group: example.com
      scope: Namespaced
      names: {kind: Backup, plural: backups}
      versions:
      - name: v1
        served: true
        storage: true
        schema:
          openAPIV3Schema:
            type: object
            properties:
              spec: {type: object, properties: {retentionDays: {type: integer}}}

    """
}
