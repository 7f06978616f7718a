/// Scalars: types, numbers, lengths, enums, formats and patterns.
extension SchemaValidator {
  mutating func validateScalar(
    _ scalar: Scalar, against schema: SchemaNode, at location: SourceLocation
  ) {
    if let values = schema.enumValues, !values.contains(where: { $0.isSameValue(as: scalar) }) {
      reportEnum(.scalar(scalar), schema: schema, at: location)
    }
    if let format = schema.format, !format.accepts(scalar) {
      reportFormat(format, scalar, at: location)
    }
    if let limits = schema.limits {
      switch scalar {
      case .int(let number):
        checkNumber(Double(number), text: scalar.canonicalText, limits, location)
      case .float(let number): checkNumber(number, text: scalar.canonicalText, limits, location)
      case .string(let text): checkLength(text, limits: limits, at: location)
      default: break
      }
    }
    if let pattern = schema.pattern, case .string(let text) = scalar {
      if !pattern.matches(text) {
        report(
          "\(subject) (\(quoted(text))) does not match the pattern \(pattern.source)", at: location)
      }
    }
  }

  private mutating func checkNumber(
    _ number: Double, text: String, _ limits: SchemaNode.Limits, _ location: SourceLocation
  ) {
    if let minimum = limits.minimum {
      if limits.exclusiveMinimum ? number <= minimum : number < minimum {
        let bound = limits.exclusiveMinimum ? "greater than" : "at least"
        report("\(subject) must be \(bound) \(Self.format(minimum)), not \(text)", at: location)
      }
    }
    if let maximum = limits.maximum {
      if limits.exclusiveMaximum ? number >= maximum : number > maximum {
        let bound = limits.exclusiveMaximum ? "less than" : "at most"
        report("\(subject) must be \(bound) \(Self.format(maximum)), not \(text)", at: location)
      }
    }
    if let divisor = limits.multipleOf {
      let quotient = number / divisor
      if abs(quotient - quotient.rounded()) > 1e-9 {
        report(
          "\(subject) must be a multiple of \(Self.format(divisor)), not \(text)", at: location)
      }
    }
  }

  private mutating func checkLength(
    _ text: String, limits: SchemaNode.Limits, at location: SourceLocation
  ) {
    guard limits.minLength != nil || limits.maxLength != nil else { return }
    // JSON Schema counts code points, as the API server does.
    let length = text.unicodeScalars.count
    if let minimum = limits.minLength, length < minimum {
      report(
        "\(subject) must be at least \(Self.plural(minimum, "character")) long, not \(length)",
        at: location)
    }
    if let maximum = limits.maxLength, length > maximum {
      report(
        "\(subject) must be at most \(Self.plural(maximum, "character")) long, not \(length)",
        at: location)
    }
  }
}
