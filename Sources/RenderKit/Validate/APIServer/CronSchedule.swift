/// The schedule syntax the CronJob controller parses with robfig/cron's
/// `ParseStandard`: five fields (minute, hour, day of month, month, day of week) of
/// `*`, `?`, values, ranges, steps and lists, or a descriptor (`@hourly`, `@every 90m`).
/// `validate` returns robfig's error text, which the API server repeats.
enum CronSchedule {
  private struct Field {
    var name: String
    var range: ClosedRange<Int>
    var names: [String: Int] = [:]
  }

  private static let months = Dictionary(
    uniqueKeysWithValues: [
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .enumerated().map { ($1, $0 + 1) })
  private static let days = Dictionary(
    uniqueKeysWithValues: ["sun", "mon", "tue", "wed", "thu", "fri", "sat"].enumerated().map {
      ($1, $0)
    })
  private static let fields = [
    Field(name: "minute", range: 0...59), Field(name: "hour", range: 0...23),
    Field(name: "day of month", range: 1...31), Field(name: "month", range: 1...12, names: months),
    Field(name: "day of week", range: 0...6, names: days),
  ]

  /// `nil` when `schedule` parses, else why not.
  static func validate(_ schedule: String) -> String? {
    let text = schedule.trimmingPrefix(while: \.isWhitespace)
    if text.isEmpty { return "empty spec string" }
    if text.hasPrefix("@") {
      let words = text.split(whereSeparator: \.isWhitespace)
      if words.count == 2, words[0] == "@every" {
        return isGoDuration(String(words[1]))
          ? nil : "failed to parse duration \(schedule): time: invalid duration \"\(words[1])\""
      }
      return KubernetesEnums.cronDescriptors.contains(String(text))
        ? nil : "unrecognized descriptor: \(text)"
    }
    let parts = text.split(whereSeparator: \.isWhitespace)
    guard parts.count == 5 else {
      return "expected exactly 5 fields, found \(parts.count): [\(parts.joined(separator: " "))]"
    }
    for (part, field) in zip(parts, fields) {
      for range in part.split(separator: ",", omittingEmptySubsequences: false) {
        if let error = validate(range: String(range), field) { return error }
      }
    }
    return nil
  }

  private static func validate(range text: String, _ field: Field) -> String? {
    let stepParts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard stepParts.count <= 2 else { return "too many slashes: \(text)" }
    let bounds = stepParts[0].split(separator: "-", omittingEmptySubsequences: false)
    var start = field.range.lowerBound
    var end = field.range.upperBound
    if bounds.count == 1 && (bounds[0] == "*" || bounds[0] == "?") {
    } else {
      guard bounds.count <= 2 else { return "too many hyphens: \(text)" }
      switch value(String(bounds[0]), field) {
      case .failure(let error): return error.message
      case .success(let number): start = number
      }
      end = start
      if bounds.count == 2 {
        switch value(String(bounds[1]), field) {
        case .failure(let error): return error.message
        case .success(let number): end = number
        }
      }
    }
    if stepParts.count == 2 {
      switch value(String(stepParts[1]), nil) {
      case .failure(let error): return error.message
      case .success(let step):
        if step <= 0 { return "step of range should be a positive number: \(text)" }
      }
      if bounds.count == 1 && !(bounds[0] == "*" || bounds[0] == "?") {
        end = field.range.upperBound
      }
    }
    if start < field.range.lowerBound {
      return "beginning of range (\(start)) below minimum (\(field.range.lowerBound)): \(text)"
    }
    if end > field.range.upperBound {
      return "end of range (\(end)) above maximum (\(field.range.upperBound)): \(text)"
    }
    if start > end { return "beginning of range (\(start)) beyond end of range (\(end)): \(text)" }
    return nil
  }

  private struct Failure: Error { var message: String }

  private static func value(_ text: String, _ field: Field?) -> Result<Int, Failure> {
    if let field, let number = field.names[text.lowercased()] { return .success(number) }
    guard let number = Int(text) else {
      return .failure(
        Failure(
          message:
            "failed to parse int from \(text): strconv.Atoi: parsing \"\(text)\": invalid syntax"))
    }
    if number < 0 {
      return .failure(Failure(message: "negative number (\(number)) not allowed: \(text)"))
    }
    return .success(number)
  }

  /// Go's `time.ParseDuration`: `90m`, `1h30m`, `1.5h`.
  static func isGoDuration(_ text: String) -> Bool {
    var rest = Substring(text)
    if rest.hasPrefix("+") || rest.hasPrefix("-") { rest = rest.dropFirst() }
    if rest == "0" { return true }
    guard !rest.isEmpty else { return false }
    while !rest.isEmpty {
      let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
      guard !number.isEmpty, number != "." else { return false }
      rest = rest.dropFirst(number.count)
      let unit = rest.prefix { !($0.isASCII && ($0.isNumber || $0 == ".")) }
      guard ["ns", "us", "µs", "μs", "ms", "s", "m", "h"].contains(String(unit)) else {
        return false
      }
      rest = rest.dropFirst(unit.count)
    }
    return true
  }
}
