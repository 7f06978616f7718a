extension VersionPin {
  /// The pins `render set-version` arguments name, in order: `SERVICE VERSION`, or one
  /// or more `SERVICE=VERSION`.
  public static func pins(arguments: [String]) throws(WorkflowError) -> [VersionPin] {
    if arguments.count == 2, !arguments[0].contains("="), !arguments[1].contains("=") {
      return [VersionPin(service: arguments[0], version: arguments[1])]
    }
    guard !arguments.isEmpty else {
      throw .usage("name a service and a version: SERVICE VERSION, or SERVICE=VERSION ...")
    }
    var pins: [VersionPin] = []
    for argument in arguments {
      guard let pin = VersionPin(argument: argument) else {
        throw .usage(
          "'\(argument)' is not SERVICE=VERSION (write 'SERVICE VERSION' for one service, or SERVICE=VERSION for each of several)"
        )
      }
      pins.append(pin)
    }
    return pins
  }
}
