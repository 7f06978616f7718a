import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Waits for an entry of one folder to appear or disappear, woken by the kernel
/// (inotify) rather than by sleeping and looking again: tests that race another process
/// wait for the event itself, never for a guessed number of milliseconds.
///
/// Watch before starting what makes the event, or check `exists` after watching: an event
/// from before the watch is not seen. Where inotify is missing (macOS), `wait` looks
/// again after yielding the processor, without sleeping.
public final class DirectoryWatch {
  public let folder: String
  private let descriptor: Int32

  public enum Change: Sendable {
    /// Created in the folder, or moved into it.
    case appears
    /// Deleted from the folder, or moved out of it.
    case disappears
  }

  public init(_ folder: String) throws {
    self.folder = folder
    #if os(Linux)
      descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
      guard descriptor >= 0 else {
        throw TestFailure("inotify_init1 failed: \(String(cString: strerror(errno)))")
      }
      let mask = UInt32(IN_CREATE | IN_MOVED_TO | IN_DELETE | IN_MOVED_FROM)
      guard inotify_add_watch(descriptor, folder, mask) >= 0 else {
        let message = String(cString: strerror(errno))
        close(descriptor)
        throw TestFailure("cannot watch \(folder): \(message)")
      }
    #else
      descriptor = -1
    #endif
  }

  deinit {
    if descriptor >= 0 { close(descriptor) }
  }

  /// Whether `name` is in the folder now.
  public func exists(_ name: String) -> Bool {
    FileManager.default.fileExists(atPath: folder + "/" + name)
  }

  /// The names in the folder now.
  public func entries() -> [String] {
    (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
  }

  /// Blocks until `name` appears in (or disappears from) the folder, `giveUp` returns
  /// true, or `timeout` passes. Returns whether the change happened.
  public func wait(
    for name: String, to change: Change = .appears, timeout: Duration = .seconds(60),
    until giveUp: () -> Bool = { false }
  ) -> Bool {
    wait(timeout: timeout, until: giveUp) { exists(name) == (change == .appears) }
  }

  /// Blocks until `condition`, checked again after each change in the folder, holds;
  /// or until `giveUp` returns true or `timeout` passes. Returns whether it holds.
  public func wait(
    timeout: Duration = .seconds(60), until giveUp: () -> Bool = { false },
    _ condition: () -> Bool
  ) -> Bool {
    let deadline = ContinuousClock.now + timeout
    while !condition() {
      if giveUp() || ContinuousClock.now >= deadline { return condition() }
      #if os(Linux)
        // Wakes on any change in the folder, or after 50 ms to ask `giveUp` again (the
        // other process may end without making the change).
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        _ = poll(&request, 1, 50)
        drain()
      #else
        sched_yield()
      #endif
    }
    return true
  }

  #if os(Linux)
    /// Reads and discards the pending events: `wait` looks at the folder itself.
    private func drain() {
      var buffer = [UInt8](repeating: 0, count: 4096)
      while buffer.withUnsafeMutableBytes({ read(descriptor, $0.baseAddress, $0.count) }) > 0 {}
    }
  #endif
}
