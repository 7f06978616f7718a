/// The `Render-Service`, `Render-Environment` and `Render-Version` trailers that
/// `render set-version --commit` and `render promote --commit` write: which pins a commit
/// meant to change.
///
/// Several pairs in one commit repeat the trailers in order; the n-th
/// `Render-Service` goes with the n-th `Render-Version` and the n-th
/// `Render-Environment`, or with the only one when there is a single environment.
public struct RenderTrailers: Sendable, Equatable {
  public struct Entry: Sendable, Equatable {
    public var service: String
    public var environment: String?
    public var version: String?

    public init(service: String, environment: String?, version: String?) {
      self.service = service
      self.environment = environment
      self.version = version
    }
  }

  public var entries: [Entry]

  public init(entries: [Entry]) {
    self.entries = entries
  }

  /// Reads `Key: value` lines (git's `%(trailers:only,unfold)`); other keys are ignored.
  public init(text: Substring) {
    var services: [String] = []
    var environments: [String] = []
    var versions: [String] = []
    for line in text.split(separator: "\n") {
      guard let colon = line.firstIndex(of: ":") else { continue }
      let key = line[..<colon].trimmingSpaces.lowercased()
      let value = String(line[line.index(after: colon)...].trimmingSpaces)
      switch key {
      case "render-service": services.append(value)
      case "render-environment": environments.append(value)
      case "render-version": versions.append(value)
      default: continue
      }
    }
    entries = services.enumerated().map { index, service in
      Entry(
        service: service,
        environment: environments.count == 1
          ? environments[0] : index < environments.count ? environments[index] : nil,
        version: versions.count == 1 && services.count == 1
          ? versions[0] : index < versions.count ? versions[index] : nil)
    }
  }
}

extension Substring {
  /// Without leading and trailing spaces and tabs.
  var trimmingSpaces: Substring {
    guard let start = firstIndex(where: { $0 != " " && $0 != "\t" }),
      let end = lastIndex(where: { $0 != " " && $0 != "\t" })
    else { return "" }
    return self[start...end]
  }
}
