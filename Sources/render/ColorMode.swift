import ArgumentParser

/// `--color auto|always|never`.
enum ColorMode: String, ExpressibleByArgument, CaseIterable, Sendable {
  /// Colour on a terminal, unless NO_COLOR is set to something or TERM is dumb.
  case auto
  case always
  case never
}
