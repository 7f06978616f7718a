/// The service × environment matrix of versions that `render versions` prints, from the
/// resolved platform (not from `rendered/versions.yaml`): rows are services, columns
/// the rendered environments.
///
/// With `promotion:` in render.yaml, columns follow the promotion order (environments
/// it does not list come after it, by name) and each cell knows the environment it is
/// promoted from, the one before it in the list, and whether its version differs from
/// that one's: a promotion still to do. Without it, columns are sorted by name and
/// nothing is compared.
public struct VersionMatrix: Sendable, Equatable {
  /// One service in one environment.
  public struct Cell: Sendable, Equatable {
    /// The tag or `sha256:` digest.
    public var version: String
    /// `image:tag` or `image@sha256:…`.
    public var imageRef: String?
    /// The environment before this one in `promotion`, if any.
    public var promotedFrom: String?
    /// Whether `promotedFrom` runs another version. `false` when it does not run the
    /// service at all: there is nothing to promote from.
    public var differsFromPrevious: Bool

    public init(
      version: String, imageRef: String? = nil, promotedFrom: String? = nil,
      differsFromPrevious: Bool = false
    ) {
      self.version = version
      self.imageRef = imageRef
      self.promotedFrom = promotedFrom
      self.differsFromPrevious = differsFromPrevious
    }
  }

  /// Columns, in promotion order or by name.
  public var environments: [String]
  /// Rows, by name.
  public var services: [String]
  /// Cells by service, then environment; a missing cell is a service that is disabled
  /// in the environment or has no version.
  public var cells: [String: [String: Cell]]
  /// `promotion` from render.yaml, or `nil`.
  public var promotion: [String]?

  public init(
    environments: [String], services: [String], cells: [String: [String: Cell]],
    promotion: [String]?
  ) {
    self.environments = environments
    self.services = services
    self.cells = cells
    self.promotion = promotion
  }

  public func cell(_ service: String, _ environment: String) -> Cell? {
    cells[service]?[environment]
  }

  /// Whether any cell is marked.
  public var hasDifferences: Bool {
    cells.values.contains { $0.values.contains(where: \.differsFromPrevious) }
  }

  /// Resolves every service in every rendered environment (the Resolve stage only:
  /// nothing is rendered) and lays the versions out.
  public static func make(
    _ platform: Platform
  ) -> (matrix: VersionMatrix, diagnostics: [Diagnostic]) {
    let (environments, diagnostics) = EnvironmentResolver.resolve(platform)
    var found = diagnostics
    let resolver = ServiceResolver(platform: platform)
    var versions: [String: [String: (version: String, imageRef: String?)]] = [:]
    let concrete = environments.values.filter { !($0.leaf?.isAbstract ?? true) }
      .sorted { $0.name < $1.name }
    // Environments are independent of each other: each resolves on its own core.
    let resolutions = concrete.parallelMap { environment in
      platform.serviceNames.compactMap { name in
        platform.services[name].map { resolver.resolve($0, in: environment) }
      }
    }
    for (environment, services) in zip(concrete, resolutions) {
      for (resolved, serviceDiagnostics) in services {
        found += serviceDiagnostics
        guard resolved.isEnabled, let version = resolved.version?.value else { continue }
        versions[resolved.name, default: [:]][environment.name] = (version, resolved.imageRef)
      }
    }
    let matrix = make(
      versions: versions, environments: concrete.map(\.name),
      services: platform.serviceNames,
      promotion: platform.settings.promotion.map { $0.map(\.value) })
    return (matrix, found)
  }

  /// Lays out versions by service, then environment.
  public static func make(
    versions: [String: [String: (version: String, imageRef: String?)]], environments: [String],
    services: [String], promotion: [String]?
  ) -> VersionMatrix {
    let available = Set(environments)
    var columns: [String] = []
    for name in promotion ?? [] where available.contains(name) && !columns.contains(name) {
      columns.append(name)
    }
    columns += environments.filter { !columns.contains($0) }.sorted()
    var previous: [String: String] = [:]
    if let promotion {
      for (from, to) in zip(promotion, promotion.dropFirst()) where previous[to] == nil {
        previous[to] = from
      }
    }
    var cells: [String: [String: Cell]] = [:]
    for service in services {
      let byEnvironment = versions[service] ?? [:]
      for environment in columns {
        guard let entry = byEnvironment[environment] else { continue }
        var cell = Cell(version: entry.version, imageRef: entry.imageRef)
        if let from = previous[environment] {
          cell.promotedFrom = from
          if let before = byEnvironment[from], before.version != entry.version {
            cell.differsFromPrevious = true
          }
        }
        cells[service, default: [:]][environment] = cell
      }
    }
    return VersionMatrix(
      environments: columns, services: services.sorted(), cells: cells, promotion: promotion)
  }

  /// Only these environments and services (empty: all); marks stay as computed on the
  /// whole platform, so `--env prod` still shows a prod cell that differs from staging.
  public func filtered(environments: [String], services: [String]) -> VersionMatrix {
    var result = self
    if !environments.isEmpty {
      result.environments = self.environments.filter(environments.contains)
    }
    if !services.isEmpty { result.services = self.services.filter(services.contains) }
    return result
  }
}
