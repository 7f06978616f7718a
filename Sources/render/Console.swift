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

  /// Unbuffered, so stdout and stderr interleave as they were written. Control characters
  /// are escaped (`TerminalText`): file names, keys, values and git metadata can hold
  /// them, and none may reach a terminal raw; render's own colours pass. A failed write
  /// (a full disk, a closed pipe) ends the command with exit 1: output that was not
  /// written must not look like success.
  private static func write(_ text: String, to descriptor: Int32) {
    var bytes = Array(TerminalText.escaped(text, keepingColors: true).utf8)[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { buffer in
        #if canImport(Glibc)
          Glibc.write(descriptor, buffer.baseAddress, buffer.count)
        #else
          Darwin.write(descriptor, buffer.baseAddress, buffer.count)
        #endif
      }
      if written < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        writeFailed(descriptor, reason: String(cString: strerror(errno)))
      }
      if written == 0 { writeFailed(descriptor, reason: "nothing was written") }
      bytes = bytes.dropFirst(written)
    }
  }

  private static func writeFailed(_ descriptor: Int32, reason: String) -> Never {
    if descriptor != STDERR_FILENO {
      let message = Array("render: error: cannot write to standard output: \(reason)\n".utf8)
      _ = message.withUnsafeBytes { buffer in
        #if canImport(Glibc)
          Glibc.write(STDERR_FILENO, buffer.baseAddress, buffer.count)
        #else
          Darwin.write(STDERR_FILENO, buffer.baseAddress, buffer.count)
        #endif
      }
    }
    exit(1)
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
