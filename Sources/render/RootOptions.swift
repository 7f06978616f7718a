import ArgumentParser

/// Options every command takes.
struct RootOptions: ParsableArguments {
  @Option(name: .long, help: "The repository root (default: the current folder).")
  var root: String = "."

  @Option(
    name: .customLong("env"), help: "Only this environment (repeatable).",
    completion: NameCompletion.environments)
  var environments: [String] = []

  @Option(
    name: .customLong("service"), help: "Only this service (repeatable).",
    completion: NameCompletion.services)
  var services: [String] = []

  @OptionGroup var color: ColorOptions

  init() {}

  init(root: String, environments: [String], services: [String]) {
    self.root = root
    self.environments = environments
    self.services = services
  }
}
