import CRenderSystem

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs a program found on `PATH` and collects what it prints: `posix_spawnp` with its
/// standard input from /dev/null, and both output pipes read in one `poll` loop so a
/// full stderr cannot block a long stdout (or the other way round).
///
/// render's own, rather than Foundation's `Process`: linking Foundation costs every
/// command 3.5 ms of start-up, and git is the only program render runs.
///
/// It waits for the program with `waitpid`, so the process must not ignore SIGCHLD (the
/// kernel would reap the child first and the wait fail with an error, not a hang); a
/// library does not change signal handling for the whole process, so `render`'s `main`
/// restores the default action there.
struct ChildProcess {
  struct Output {
    /// The exit status; 128 + the signal number for a program killed by a signal.
    var status: Int32
    var stdout: [UInt8]
    var stderr: [UInt8]
  }

  /// Why the program did not start (`errno` text).
  struct SpawnError: Error, CustomStringConvertible {
    var description: String
  }

  /// - Parameter environment: variables to set on top of render's own environment.
  static func run(
    _ program: String, arguments: [String], environment: [String: String]
  ) throws(SpawnError) -> Output {
    let stdout = try makePipe()
    let stderr: (read: Int32, write: Int32)
    do {
      stderr = try makePipe()
    } catch {
      close(stdout.read)
      close(stdout.write)
      throw error
    }

    #if canImport(Darwin)
      var actions: posix_spawn_file_actions_t?
    #else
      var actions = posix_spawn_file_actions_t()
    #endif
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, stdout.write, 1)
    posix_spawn_file_actions_adddup2(&actions, stderr.write, 2)

    // The environment passed on byte for byte, but for the names set here.
    let overridden = Set(environment.keys.map { Array($0.utf8) })
    var inherited: [UnsafeMutablePointer<CChar>?] = []
    if var entry = render_environment() {
      while let pointer = entry.pointee {
        if !overridden.contains(Self.name(ofEnvironmentEntry: pointer)) {
          inherited.append(pointer)
        }
        entry += 1
      }
    }
    let overrides = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }

    // The child starts with no signal blocked, whatever the spawning thread blocks
    // (Dispatch's worker threads block most), and with SIGPIPE's default action.
    #if canImport(Darwin)
      var attributes: posix_spawnattr_t?
    #else
      var attributes = posix_spawnattr_t()
    #endif
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    var defaultSignals = sigset_t()
    sigemptyset(&defaultSignals)
    sigaddset(&defaultSignals, SIGPIPE)
    posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    var pid = pid_t()
    let spawned = withCStrings([program] + arguments) { argv in
      withCStrings(overrides) { added in
        posix_spawnp(&pid, program, &actions, &attributes, argv, inherited + added)
      }
    }
    close(stdout.write)
    close(stderr.write)
    guard spawned == 0 else {
      close(stdout.read)
      close(stderr.read)
      throw SpawnError(description: "cannot run \(program): \(String(cString: strerror(spawned)))")
    }
    let read = readBoth(stdout.read, stderr.read)
    let status = wait(for: pid)
    if let problem = read.error {
      throw SpawnError(
        description: "cannot read what \(program) printed: \(String(cString: strerror(problem)))")
    }
    guard let status else {
      throw SpawnError(
        description: "cannot wait for \(program): \(String(cString: strerror(errno)))")
    }
    return Output(status: status, stdout: read.stdout, stderr: read.stderr)
  }

  /// The bytes before the `=` of a `NAME=value` entry.
  private static func name(ofEnvironmentEntry entry: UnsafeMutablePointer<CChar>) -> [UInt8] {
    var name: [UInt8] = []
    var cursor = entry
    while cursor.pointee != 0 && cursor.pointee != CChar(UInt8(ascii: "=")) {
      name.append(UInt8(bitPattern: cursor.pointee))
      cursor += 1
    }
    return name
  }

  /// A pipe whose ends the child does not inherit (only the copies dup2 makes).
  private static func makePipe() throws(SpawnError) -> (read: Int32, write: Int32) {
    var descriptors: [Int32] = [-1, -1]
    guard render_pipe(&descriptors) == 0 else {
      throw SpawnError(description: "cannot make a pipe: \(String(cString: strerror(errno)))")
    }
    return (descriptors[0], descriptors[1])
  }

  /// Reads both pipes to their ends, whichever has data, and closes them; `error` is
  /// the errno of a failure that cut the reading short.
  private static func readBoth(
    _ first: Int32, _ second: Int32
  ) -> (stdout: [UInt8], stderr: [UInt8], error: Int32?) {
    var outputs: [[UInt8]] = [[], []]
    var failure: Int32?
    var descriptors = [
      pollfd(fd: first, events: Int16(POLLIN), revents: 0),
      pollfd(fd: second, events: Int16(POLLIN), revents: 0),
    ]
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while failure == nil && descriptors.contains(where: { $0.fd >= 0 }) {
      if poll(&descriptors, nfds_t(descriptors.count), -1) < 0 {
        if errno != EINTR { failure = errno }
        continue
      }
      for index in descriptors.indices where descriptors[index].fd >= 0 {
        guard descriptors[index].revents != 0 else { continue }
        let count = buffer.withUnsafeMutableBytes {
          read(descriptors[index].fd, $0.baseAddress, $0.count)
        }
        if count > 0 {
          outputs[index].append(contentsOf: buffer[0..<count])
        } else if count == 0 {
          close(descriptors[index].fd)
          descriptors[index].fd = -1
        } else if errno != EINTR && errno != EAGAIN {
          failure = errno
        }
      }
    }
    for descriptor in descriptors where descriptor.fd >= 0 { close(descriptor.fd) }
    return (outputs[0], outputs[1], failure)
  }

  /// Waits for the child; its exit status, or 128 + the signal that ended it; `nil`
  /// (errno set) when it cannot be waited for.
  private static func wait(for pid: pid_t) -> Int32? {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
      if errno != EINTR { return nil }
    }
    // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift cannot import as macros.
    let signal = status & 0x7F
    return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
  }

  /// Runs `body` with `strings` as a null-terminated array of C strings.
  private static func withCStrings<Result>(
    _ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> Result
  ) -> Result {
    let pointers = strings.map { strdup($0) } + [nil]
    defer { for pointer in pointers { free(pointer) } }
    return body(pointers)
  }
}
