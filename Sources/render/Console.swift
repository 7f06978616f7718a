import RenderKit
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the executable prints: stdout for a command's output, stderr for findings and
/// progress. Colour as `--color` says (by default on a terminal; see `isColored`).
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

  /// `--color`: set once by `RenderCommand.main` before the command runs.
  private static let colorMode = Mutex(ColorMode.auto)

  static func setColorMode(_ mode: ColorMode) {
    colorMode.withLock { $0 = mode }
  }

  /// Whether stderr gets colours (see `isColored(_:)`).
  static var errorIsColored: Bool { isColored(STDERR_FILENO) }

  /// Whether stdout gets colours (see `isColored(_:)`).
  static var outputIsColored: Bool { isColored(STDOUT_FILENO) }

  /// `--color always` or `never`; with `auto`, colour on a terminal unless NO_COLOR is set
  /// to a non-empty value (no-color.org) or TERM is `dumb`.
  static func isColored(_ descriptor: Int32) -> Bool {
    switch colorMode.withLock({ $0 }) {
    case .always: return true
    case .never: return false
    case .auto:
      if let noColor = getenv("NO_COLOR"), noColor.pointee != 0 { return false }
      if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
      return isatty(descriptor) == 1
    }
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
