/// A template folder: its parameters and its manifest template files.
public struct Template: Sendable {
  public var name: String
  /// `templates/<name>/template.yaml`.
  public var definitionFile: String
  public var description: String?
  /// The top-level parameters, as an object schema whose properties are the parameters
  /// and which admits no other keys.
  public var parameters: ParameterSchema
  /// The manifest templates, sorted by file name.
  public var files: [TemplateFile]

  public init(
    name: String, definitionFile: String, description: String?, parameters: ParameterSchema,
    files: [TemplateFile]
  ) {
    self.name = name
    self.definitionFile = definitionFile
    self.description = description
    self.parameters = parameters
    self.files = files
  }
}
