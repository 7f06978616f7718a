/// A compiled `when:` condition from template.yaml: a bare expression (no `${ }`) that
/// decides whether a template file is rendered, such as `values.ingress != null`.
///
/// Parsed once when template.yaml is loaded, evaluated for every service that uses the
/// template.
public struct TemplateCondition: Sendable {
  let expression: TemplateExpression
  /// The condition as written.
  public let source: String
  /// Where it was written; every error about it points here.
  public let location: SourceLocation

  /// Parses `source`; a syntax error is a diagnostic at `location`.
  public static func parse(
    _ source: String, at location: SourceLocation
  ) -> Result<TemplateCondition, Diagnostic> {
    let trimmed = source.drop { $0 == " " }
    if trimmed.hasPrefix("${") {
      return .failure(
        .input(
          "write the condition '\(source)' without '${ }': 'when' is always an expression",
          at: location))
    }
    do throws(TemplateError) {
      let expression = try ExpressionParser.parse(Substring(source))
      return .success(TemplateCondition(expression: expression, source: source, location: location))
    } catch {
      return .failure(
        .input("invalid condition '\(source)': \(error.message)", at: location, help: error.help))
    }
  }

  /// Evaluates the condition; it must give `true` or `false`.
  public func evaluate(in scope: TemplateScope) -> Result<Bool, Diagnostic> {
    do throws(TemplateError) {
      let value = try ExpressionEvaluator(scope: scope, location: location).evaluate(expression)
        .required()
      guard let flag = value.bool else {
        let test = value.isNull || value.isMapping || value.isSequence
        return .failure(
          .input(
            "the condition '\(source)' must give true or false, not "
              + value.valueDescription,
            at: location,
            help: test ? "test whether it is set with '\(expression) != null'" : nil))
      }
      return .success(flag)
    } catch {
      return .failure(error.diagnostic(at: location))
    }
  }
}
