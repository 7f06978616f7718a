/// Counts and uniqueness of lists and mappings.
extension SchemaValidator {
  mutating func checkCount(
    _ count: Int, limits: SchemaNode.Limits, at location: SourceLocation
  ) {
    if let minimum = limits.minItems, count < minimum {
      report(
        "\(subject) must have at least \(Self.plural(minimum, "item")), not \(count)", at: location)
    }
    if let maximum = limits.maxItems, count > maximum {
      report(
        "\(subject) must have at most \(Self.plural(maximum, "item")), not \(count)", at: location)
    }
  }

  mutating func checkPropertyCount(
    _ count: Int, limits: SchemaNode.Limits, at location: SourceLocation
  ) {
    if let minimum = limits.minProperties, count < minimum {
      report(
        "\(subject) must have at least \(Self.plural(minimum, "field")), not \(count)", at: location
      )
    }
    if let maximum = limits.maxProperties, count > maximum {
      report(
        "\(subject) must have at most \(Self.plural(maximum, "field")), not \(count)", at: location)
    }
  }

  /// `uniqueItems`, and the API server's checks of custom resources' `set` and `map`
  /// lists: the second of two equal items is reported, where it was written.
  mutating func checkUnique(
    _ items: [Node], schema: SchemaNode, at location: SourceLocation
  ) {
    for (offset, item) in items.enumerated() where offset > 0 {
      let itemLocation = item.location.isKnown ? item.location : location
      if let keys = schema.listMapKeys {
        let values = keys.map { item[$0] }
        let earlier = items[..<offset].firstIndex { other in
          zip(keys, values).allSatisfy { key, value in other[key] == value }
        }
        if let earlier {
          let description = zip(keys, values).map { key, value in
            "\(key) \(value.map { quoted($0.scalar?.canonicalText ?? $0.typeDescription) } ?? "unset")"
          }.joined(separator: ", ")
          report(
            "\(subject) has two items with \(description) ([\(earlier)] and [\(offset)])",
            at: itemLocation, path: path + [.index(offset)])
        }
      } else if let earlier = items[..<offset].firstIndex(of: item) {
        report(
          "\(subject) must not repeat an item: [\(offset)] equals [\(earlier)]", at: itemLocation,
          path: path + [.index(offset)])
      }
    }
  }
}
