#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Keeps two renders from writing one tree at once: an exclusive `flock` on the
/// repository root folder, held for the whole run and released when the process ends,
/// however it ends. Nothing is left on disk.
public final class OutputLock {
  private let descriptor: Int32

  private init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  deinit {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }

  public enum Failure: Error, CustomStringConvertible {
    case cannotOpen(String, Int32)
    case timedOut(String, seconds: Int)

    public var description: String {
      switch self {
      case .cannotOpen(let path, let code):
        "cannot open '\(path)' to lock it: \(String(cString: strerror(code)))"
      case .timedOut(let path, let seconds):
        "another render has been writing in '\(path)' for more than \(seconds) s; giving up (is one stuck?)"
      }
    }
  }

  /// Takes the lock, waiting up to `timeout` seconds for another render to finish;
  /// `onWait` runs once if the lock is busy, to say why nothing happens.
  public static func acquire(
    root: String, timeout: Int = 120, onWait: () -> Void
  ) throws(Failure) -> OutputLock {
    let descriptor = open(root, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw .cannotOpen(root, errno) }
    if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
      return OutputLock(descriptor: descriptor)
    }
    onWait()
    let deadline = timeout * 10
    for _ in 0..<deadline {
      usleep(100_000)
      if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
        return OutputLock(descriptor: descriptor)
      }
    }
    close(descriptor)
    throw .timedOut(root, seconds: timeout)
  }
}
