import RenderKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the executable prints: stdout for a command's output, stderr for findings and
/// progress. Colour only on a terminal, and never when NO_COLOR is set.
enum Console {
  static func out(_ text: String) {
    write(text, to: STDOUT_FILENO)
  }

  static func error(_ text: String) {
    write(text, to: STDERR_FILENO)
  }

  /// Unbuffered, so stdout and stderr interleave as they were written.
  private static func write(_ text: String, to descriptor: Int32) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { buffer in
        #if canImport(Glibc)
          Glibc.write(descriptor, buffer.baseAddress, buffer.count)
        #else
          Darwin.write(descriptor, buffer.baseAddress, buffer.count)
        #endif
      }
      if written < 0 {
        if errno == EINTR { continue }
        return
      }
      bytes = bytes.dropFirst(written)
    }
  }

  static var errorIsColored: Bool {
    isatty(STDERR_FILENO) == 1 && getenv("NO_COLOR") == nil
  }

  /// Whether stdout gets colours: on a terminal, unless NO_COLOR is set.
  static var outputIsColored: Bool {
    isatty(STDOUT_FILENO) == 1 && getenv("NO_COLOR") == nil
  }

  /// Prints findings as text to stderr.
  static func report(_ diagnostics: [Diagnostic], repository: Repository?) {
    guard !diagnostics.isEmpty else { return }
    let reporter = TextReporter(colored: errorIsColored)
    error(reporter.report(diagnostics, source: { repository?.files[$0] }))
  }

  /// An internal failure: not the user's input, so say how to report it.
  static func internalFailure(_ message: String) -> Never {
    error("render: internal error: \(message)\n")
    error(
      "render: this is a bug in render; please report it with the command you ran and this message.\n"
    )
    exit(70)
  }
}
