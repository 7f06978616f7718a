import ArgumentParser

/// `--color`, for every command (see `RenderCommand.main`, which applies it).
struct ColorOptions: ParsableArguments {
  @Option(
    name: .customLong("color"),
    help: "Colour output: auto (on a terminal, unless NO_COLOR or TERM=dumb), always or never.")
  var mode: ColorMode = .auto

  init() {}
}

/// A command that takes `--color`.
protocol ColorChoosing {
  var color: ColorOptions { get }
}
