import ArgumentParser
import RenderKit

struct SetVersionCommand: AsyncParsableCommand, ColorChoosing {
  static let configuration = CommandConfiguration(
    commandName: "set-version",
    abstract: "Pin a service's version in one environment, editing only that token.",
    discussion: """
      The pin goes into the most specific file of the environment: the override that \
      already sets 'version' (environments/ENV/SERVICE.yaml, or services.SERVICE in \
      environments/ENV/environment.yaml); otherwise the service's existing override gets \
      a 'version' line; otherwise environments/ENV/SERVICE.yaml is created. Parent \
      environments and service.yaml are never edited. Every other byte, comment and \
      blank line stays as it was. With --pin, the pin is written even when the \
      environment already has that version by inheritance.

      An environment that inherits ENV and comes after it in render.yaml's 'promotion' \
      keeps the version it runs: render pins it there and says so.

      The edited repository is compiled and validated first: if it has errors, nothing \
      is written. Then the inputs are written and rendered/ is brought up to date for \
      the environment and those that inherit from it. Setting the version a service \
      already has changes nothing.

      With --commit, the edited inputs and the changed rendered files go into one commit \
      with the trailers Render-Environment, Render-Service and Render-Version. The work \
      tree must have no other changes.

      --release VERSION sets defaults.version in environments/ENV/environment.yaml \
      (adding 'defaults:' when missing): one release tag for every templated service.

      Examples:
        render set-version checkout 1.15.0 --env prod
        render set-version checkout=1.15.0 catalog=3.3.0 --env prod --commit
        render set-version checkout sha256:4f1c…e2 --env staging
        render set-version --release 2026.12.2 --env staging
      """
  )

  @OptionGroup var color: ColorOptions

  @Argument(
    help: ArgumentHelp(
      "SERVICE VERSION, or one or more SERVICE=VERSION.", valueName: "service-and-version"))
  var arguments: [String] = []

  @Option(
    help:
      "Set the environment's defaults.version instead: the version of every templated service with an image (overrides still win)."
  )
  var release: String?

  @Option(
    name: .customLong("env"), help: "The environment to pin the version in.",
    completion: NameCompletion.environments)
  var environment: String

  @Flag(help: "Commit the edited inputs and the changed rendered files in one git commit.")
  var commit = false

  @Flag(
    help:
      "Write the pin into the environment's own files even when it already has the version by inheritance."
  )
  var pin = false

  @Option(name: .long, help: "The repository root (default: the current folder).")
  var root: String = "."

  func validate() throws {
    if release != nil, !arguments.isEmpty {
      throw ValidationError("--release sets every service's version: name no service")
    }
  }

  func run() async throws {
    let pins = try WorkflowFailure.run { () throws(WorkflowError) in
      if let release {
        return [VersionPin(service: SetVersionPlanner.releaseVersion, version: release)]
      }
      return try VersionPin.pins(arguments: arguments)
    }
    try WorkflowFailure.run { () throws(WorkflowError) in try VersionPinning.checkVersions(pins) }
    var pinning = VersionPinning(root: root, environment: environment, commit: commit)
    pinning.explicit = pin
    let loaded = try pinning.load(services: release == nil ? pins.map(\.service) : [])
    if let release {
      try await pinning.apply(
        loaded.planner.planRelease(release, in: environment), pins: pins, loaded: loaded)
    } else {
      try await pinning.apply(pins, loaded: loaded)
    }
  }
}
