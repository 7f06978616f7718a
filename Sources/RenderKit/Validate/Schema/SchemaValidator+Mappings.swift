/// Mappings: known fields, required fields, additional properties.
extension SchemaValidator {
  mutating func validateMapping(
    _ entries: [Node.Entry], against schema: SchemaNode, at location: SourceLocation
  ) {
    if let limits = schema.limits, limits.minProperties != nil || limits.maxProperties != nil {
      checkPropertyCount(entries.count, limits: limits, at: location)
    }
    // Before the fields, so findings come out in document order: the mapping, then what
    // is inside it.
    var required = 0
    while required < schema.required.count {
      let key = schema.required[required]
      required += 1
      if !isPresent(key, in: entries, schema: schema) {
        report(
          "missing required field '\(key)' in \(context(of: schema))", at: location,
          path: path + [.key(key)])
      }
    }
    // Index loops: the generic iterators are unspecialised, and slow, in debug builds.
    var index = 0
    while index < entries.count {
      let entry = entries[index]
      index += 1
      let keyLocation = entry.keyLocation.isKnown ? entry.keyLocation : location
      if let property = schema.properties[entry.key] {
        if entry.value.isNull && nodes[property].nullIsAbsent { continue }
        path.append(.key(entry.key))
        validate(entry.value, against: property, fallback: keyLocation)
        path.removeLast()
      } else if let additional = schema.additionalProperties {
        path.append(.key(entry.key))
        validate(entry.value, against: additional, fallback: keyLocation)
        path.removeLast()
      } else if schema.rejectsUnknownFields {
        reportUnknownField(entry.key, schema: schema, at: keyLocation)
      }
    }
  }

  /// Whether a required field is there (a null where null means absent is not).
  private func isPresent(_ key: String, in entries: [Node.Entry], schema: SchemaNode) -> Bool {
    var index = 0
    while index < entries.count {
      let entry = entries[index]
      index += 1
      if entry.key == key
        && !(entry.value.isNull && schema.properties[key].map { nodes[$0].nullIsAbsent } == true)
      {
        return true
      }
    }
    return false
  }
}
