extension SchemaCompiler {
  /// How a schema is read where built-in and custom resource semantics differ.
  enum Dialect {
    /// The bundled Kubernetes definitions: the strict flavour says
    /// `additionalProperties: false` wherever unknown fields are errors, and lists merge
    /// only by `x-kubernetes-patch-strategy`, as `kubectl patch` does.
    case builtIn
    /// A CRD's structural schema: the API server drops fields a schema does not
    /// specify (we report them, since a dropped field is a setting silently lost) unless
    /// `x-kubernetes-preserve-unknown-fields` is set, prunes `null`s of non-nullable
    /// fields, and lists merge by `x-kubernetes-list-type`.
    case customResource
  }
}
