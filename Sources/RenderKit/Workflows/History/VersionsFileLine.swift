/// One line of `rendered/versions.yaml` as render writes it: an environment key at
/// column 0, a `  service: imageRef` entry under it, or anything else (the header
/// comments). Reading lines instead of YAML documents lets `render history` follow the
/// file through thousands of commits by looking only at the lines each one changed.
enum VersionsFileLine: Equatable {
  case environment(String)
  case service(String, String)
  case other

  init(_ line: String) {
    guard let first = line.first, first != "#" else {
      self = .other
      return
    }
    if first != " " {
      // `dev:` or `dev: {}` (an environment without services).
      guard let (key, value) = Self.keyValue(line[...]), value.isEmpty || value == "{}" else {
        self = .other
        return
      }
      self = .environment(key)
      return
    }
    guard line.hasPrefix("  "), line.dropFirst(2).first != " ",
      let (key, value) = Self.keyValue(line.dropFirst(2)), !value.isEmpty
    else {
      self = .other
      return
    }
    self = .service(key, Self.unquoted(value))
  }

  /// `key: value` with the key unquoted; `nil` when the line is not one.
  private static func keyValue(_ text: Substring) -> (String, Substring)? {
    if text.first == "\"" {
      // A quoted key ends at the first unescaped quote.
      var index = text.index(after: text.startIndex)
      var escaped = false
      while index < text.endIndex {
        let character = text[index]
        if escaped {
          escaped = false
        } else if character == "\\" {
          escaped = true
        } else if character == "\"" {
          break
        }
        index = text.index(after: index)
      }
      guard index < text.endIndex else { return nil }
      let rest = text[text.index(after: index)...]
      guard rest.hasPrefix(":") else { return nil }
      return (unquoted(text[...index]), rest.dropFirst().trimmingSpaces)
    }
    guard
      let separator = text.firstRange(of: ": ")
        ?? (text.hasSuffix(":") ? text.index(before: text.endIndex)..<text.endIndex : nil)
    else { return nil }
    return (String(text[..<separator.lowerBound]), text[separator.upperBound...].trimmingSpaces)
  }

  /// A plain, double-quoted or single-quoted scalar's text.
  static func unquoted(_ text: Substring) -> String {
    if text.count >= 2, text.hasPrefix("'"), text.hasSuffix("'") {
      return String(text.dropFirst().dropLast().replacing("''", with: "'"))
    }
    guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else { return String(text) }
    var result = ""
    var escaped = false
    for character in text.dropFirst().dropLast() {
      if escaped {
        switch character {
        case "n": result.append("\n")
        case "t": result.append("\t")
        default: result.append(character)
        }
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else {
        result.append(character)
      }
    }
    return result
  }
}
