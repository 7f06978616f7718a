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
    clearProgress()
    rawWrite(TerminalText.escaped(text, keepingColors: true), to: descriptor)
  }

  /// Writes `text` as it is: the caller escaped it.
  private static func rawWrite(_ text: String, to descriptor: Int32) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let written = systemWrite(descriptor, bytes)
      if written < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        writeFailed(descriptor, reason: String(cString: strerror(errno)))
      }
      if written == 0 { writeFailed(descriptor, reason: "nothing was written") }
      bytes = bytes.dropFirst(written)
    }
  }

  /// Says that stdout failed, on stderr if that still works (a failure there is not
  /// reported again), and exits 1.
  private static func writeFailed(_ descriptor: Int32, reason: String) -> Never {
    if descriptor != STDERR_FILENO {
      let message = "render: error: cannot write to standard output: \(reason)\n"
      _ = systemWrite(STDERR_FILENO, Array(message.utf8)[...])
    }
    exit(1)
  }

  /// One write(2); the count written, or -1 with errno set.
  private static func systemWrite(_ descriptor: Int32, _ bytes: ArraySlice<UInt8>) -> Int {
    bytes.withUnsafeBytes { buffer in
      #if canImport(Glibc)
        Glibc.write(descriptor, buffer.baseAddress, buffer.count)
      #else
        Darwin.write(descriptor, buffer.baseAddress, buffer.count)
      #endif
    }
  }

  /// `--color`: set once by `RenderCommand.main` before the command runs.
  private static let colorMode = Mutex(ColorMode.auto)

  /// Whether a progress line is on the terminal (and must be cleared before other
  /// output), and when the process started (progress shows only for long work).
  private static let progressState = Mutex((shown: false, start: ContinuousClock.now))

  /// A one-line progress on stderr: only on a terminal, never in CI logs (`CI` set) or
  /// on a dumb or unknown terminal, where the carriage returns would pile up. Fixed for
  /// the life of the process.
  static let showsProgress =
    isatty(STDERR_FILENO) == 1 && getenv("CI") == nil && getenv("TERM") != nil && !termIsDumb

  /// `TERM=dumb`: a terminal that understands no escape sequences.
  private static var termIsDumb: Bool {
    getenv("TERM").map { String(cString: $0) == "dumb" } ?? false
  }

  /// Replaces the progress line with `text`, once the run has taken half a second (a
  /// quick run shows none); nothing where `showsProgress` is false.
  static func progress(_ text: String) {
    guard showsProgress else { return }
    let show = progressState.withLock { state -> Bool in
      guard ContinuousClock.now - state.start > .milliseconds(500) else { return false }
      state.shown = true
      return true
    }
    guard show else { return }
    rawWrite("\r\u{1B}[K" + TerminalText.escaped("render: \(text)..."), to: STDERR_FILENO)
  }

  /// Removes the progress line, if one is shown.
  static func clearProgress() {
    let shown = progressState.withLock { state -> Bool in
      defer { state.shown = false }
      return state.shown
    }
    if shown { rawWrite("\r\u{1B}[K", to: STDERR_FILENO) }
  }

  /// Applies `--color` and starts the clock the progress line waits on.
  static func setColorMode(_ mode: ColorMode) {
    colorMode.withLock { $0 = mode }
    progressState.withLock { $0.start = ContinuousClock.now }
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
      if termIsDumb { return false }
      return isatty(descriptor) == 1
    }
  }

  /// Prints findings as text to stderr; they are about `repository`'s files.
  static func report(_ diagnostics: [Diagnostic], repository: Repository) {
    guard !diagnostics.isEmpty else { return }
    let reporter = TextReporter(colored: errorIsColored)
    error(
      reporter.report(
        diagnostics, fileNames: repository.fileNames, source: { repository.files[$0] }))
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
