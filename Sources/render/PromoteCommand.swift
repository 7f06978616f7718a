import ArgumentParser
import RenderKit

struct PromoteCommand: AsyncParsableCommand, ColorChoosing {
  static let configuration = CommandConfiguration(
    commandName: "promote",
    abstract: "Pin in one environment the versions services resolve to in another.",
    discussion: """
      For each service, takes the version it resolves to in --from (from whichever \
      layer sets it there) and pins it in --to exactly as `render set-version` does: \
      the most specific file of --to, nothing else changed, validated before anything \
      is written, rendered/ brought up to date. A service with no version in --from, \
      or disabled there, is an error. With --commit, one commit for the whole call, \
      subject like "prod: checkout 1.14.2 -> 1.15.0 (from staging)".

      Examples:
        render promote checkout --from staging --to prod
        render promote checkout catalog --from staging --to prod --commit
        render promote --all --from staging --to prod
        render promote --release --from staging --to prod

      --release promotes the release-wide version instead: --to's defaults.version \
      becomes the one --from resolves to (as `render set-version --release`).
      """
  )

  @OptionGroup var color: ColorOptions

  @Argument(help: "The services to promote.", completion: NameCompletion.services)
  var services: [String] = []

  @Option(
    help: "The environment to take the versions from.", completion: NameCompletion.environments)
  var from: String

  @Option(help: "The environment to pin them in.", completion: NameCompletion.environments)
  var to: String

  @Flag(help: "Commit the edited inputs and the changed rendered files in one git commit.")
  var commit = false

  @Flag(
    help:
      "Promote every service enabled in both environments whose version in --to differs from --from."
  )
  var all = false

  @Flag(help: "Promote defaults.version, the release-wide version, instead of services.")
  var release = false

  @Option(name: .long, help: "The repository root (default: the current folder).")
  var root: String = "."

  func validate() throws {
    if release {
      guard services.isEmpty, !all else {
        throw ValidationError("--release promotes the release-wide version; name no services")
      }
    } else if all {
      guard services.isEmpty else {
        throw ValidationError("--all promotes every service that differs; name no services with it")
      }
    } else {
      guard !services.isEmpty else {
        throw ValidationError("name at least one service to promote, or pass --all")
      }
    }
    guard from != to else { throw ValidationError("--from and --to are both '\(from)'") }
  }

  func run() async throws {
    let pinning = VersionPinning(root: root, environment: to, commit: commit, promotedFrom: from)
    let loaded = try pinning.load(services: services)
    try WorkflowFailure.run { () throws(WorkflowError) in
      try VersionPinning.checkEnvironment(from, in: loaded.platform, option: "--from")
    }
    if release {
      let pin = try WorkflowFailure.run { () throws(WorkflowError) in
        try Promotion.releasePin(from: from, in: loaded)
      }
      try await pinning.apply(
        loaded.planner.planRelease(pin.version, in: to), pins: [pin], loaded: loaded)
      return
    }
    var services = services
    if all {
      services = Promotion.differingServices(from: from, to: to, in: loaded)
      guard !services.isEmpty else {
        Console.out("render: every service of \(to) already runs what \(from) runs\n")
        return
      }
    }
    let pins = try WorkflowFailure.run { () throws(WorkflowError) in
      try Promotion.pins(services, from: from, in: loaded)
    }
    try await pinning.apply(pins, loaded: loaded)
  }
}
