import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

#if canImport(Darwin)
  private typealias SignalHandler = sig_t
#else
  private typealias SignalHandler = sighandler_t
#endif

/// The write end of the pipe the signal handler writes to. Set before the handler is
/// installed, only read by it.
nonisolated(unsafe) private var interruptPipeWriter: Int32 = -1

/// Runs a cleanup when the process is interrupted (Ctrl-C, SIGTERM, SIGHUP), then exits
/// with 128 + the signal number, as a shell reports it. Used while `render diff --base`
/// has a temporary worktree, so an interrupted run leaves nothing behind.
///
/// The handler only writes the signal number to a pipe (all a signal handler may safely
/// do); a thread waiting on the pipe runs the cleanup, which may start git. A signal
/// that was ignored when render started (a background job of a script) stays ignored.
/// `uninstall()` puts the previous handling back.
final class InterruptCleanup: @unchecked Sendable {
  private static let signals = [SIGINT, SIGTERM, SIGHUP]
  private let previous: [(Int32, SignalHandler?)]
  private let writer: Int32

  private init(previous: [(Int32, SignalHandler?)], writer: Int32) {
    self.previous = previous
    self.writer = writer
  }

  static func install(_ cleanup: @escaping @Sendable () -> Void) -> InterruptCleanup {
    var descriptors: [Int32] = [-1, -1]
    guard pipe(&descriptors) == 0 else { return InterruptCleanup(previous: [], writer: -1) }
    let (reader, writer) = (descriptors[0], descriptors[1])
    _ = fcntl(reader, F_SETFD, FD_CLOEXEC)
    _ = fcntl(writer, F_SETFD, FD_CLOEXEC)
    interruptPipeWriter = writer
    // A queue of its own: its block waits on the pipe for the whole run, on an
    // overcommitting thread that no other work needs.
    DispatchQueue(label: "render.interrupt-cleanup").async {
      var number: Int32 = 0
      let count = withUnsafeMutableBytes(of: &number) { read(reader, $0.baseAddress, $0.count) }
      close(reader)
      // Zero bytes: uninstalled, the work finished normally.
      guard count == MemoryLayout<Int32>.size else { return }
      cleanup()
      Console.error("render: interrupted; the temporary worktree was removed\n")
      exit(128 + number)
    }
    var previous: [(Int32, SignalHandler?)] = []
    for number in signals {
      let old = signal(number, interruptHandler)
      if isIgnored(old) {
        signal(number, SIG_IGN)
      }
      previous.append((number, old))
    }
    return InterruptCleanup(previous: previous, writer: writer)
  }

  /// Puts back the handling render started with and lets the waiting thread end.
  func uninstall() {
    for (number, handler) in previous { signal(number, handler) }
    if writer >= 0 { close(writer) }
  }

  private static func isIgnored(_ handler: SignalHandler?) -> Bool {
    guard let handler else { return false }
    return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
  }
}

/// Writes the signal number to the pipe: `write` is async-signal-safe.
private func interruptHandler(_ number: Int32) {
  var value = number
  _ = withUnsafeBytes(of: &value) { write(interruptPipeWriter, $0.baseAddress, $0.count) }
}
