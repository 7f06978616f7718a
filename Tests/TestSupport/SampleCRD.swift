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

  /// `Gadget` (example.com/v1) whose `spec` has `properties`: YAML lines indented by 14
  /// spaces, under `spec.properties`.
  public static func gadgets(_ properties: String) -> String {
    """
    apiVersion: apiextensions.k8s.io/v1
    kind: CustomResourceDefinition
    metadata: {name: gadgets.example.com}
    spec:
      group: example.com
      names: {kind: Gadget}
      versions:
      - name: v1
        served: true
        schema:
          openAPIV3Schema:
            type: object
            properties:
              spec:
                type: object
                properties:
    \(properties)
    """
  }
}
