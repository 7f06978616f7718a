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

    var variables: [String: String] = [:]
    var names: [String] = []
    var entry = environ
    while let pointer = entry.pointee {
      let text = String(cString: pointer)
      if let equals = text.utf8.firstIndex(of: UInt8(ascii: "=")) {
        let name = String(text[..<equals])
        if variables[name] == nil { names.append(name) }
        variables[name] = String(text[text.utf8.index(after: equals)...])
      }
      entry += 1
    }
    for (name, value) in environment.sorted(by: { $0.key < $1.key }) {
      if variables[name] == nil { names.append(name) }
      variables[name] = value
    }
    let environmentLines = names.map { "\($0)=\(variables[$0] ?? "")" }

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
      withCStrings(environmentLines) { envp in
        posix_spawnp(&pid, program, &actions, &attributes, argv, envp)
      }
    }
    close(stdout.write)
    close(stderr.write)
    guard spawned == 0 else {
      close(stdout.read)
      close(stderr.read)
      throw SpawnError(description: "cannot run \(program): \(String(cString: strerror(spawned)))")
    }
    let (out, err) = readBoth(stdout.read, stderr.read)
    return Output(status: wait(for: pid), stdout: out, stderr: err)
  }

  /// A pipe whose ends the child does not inherit (only the copies dup2 makes).
  private static func makePipe() throws(SpawnError) -> (read: Int32, write: Int32) {
    var descriptors: [Int32] = [-1, -1]
    guard pipe(&descriptors) == 0 else {
      throw SpawnError(description: "cannot make a pipe: \(String(cString: strerror(errno)))")
    }
    for descriptor in descriptors {
      _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
    }
    return (descriptors[0], descriptors[1])
  }

  /// Reads both pipes to their ends, whichever has data, and closes them.
  private static func readBoth(_ first: Int32, _ second: Int32) -> ([UInt8], [UInt8]) {
    var outputs: [[UInt8]] = [[], []]
    var descriptors = [
      pollfd(fd: first, events: Int16(POLLIN), revents: 0),
      pollfd(fd: second, events: Int16(POLLIN), revents: 0),
    ]
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while descriptors.contains(where: { $0.fd >= 0 }) {
      let ready = poll(&descriptors, nfds_t(descriptors.count), -1)
      if ready < 0 {
        if errno == EINTR { continue }
        break
      }
      for index in descriptors.indices where descriptors[index].fd >= 0 {
        guard descriptors[index].revents != 0 else { continue }
        let count = buffer.withUnsafeMutableBytes {
          read(descriptors[index].fd, $0.baseAddress, $0.count)
        }
        if count > 0 {
          outputs[index].append(contentsOf: buffer[0..<count])
        } else if count == 0 || errno != EINTR {
          close(descriptors[index].fd)
          descriptors[index].fd = -1
        }
      }
    }
    for descriptor in descriptors where descriptor.fd >= 0 { close(descriptor.fd) }
    return (outputs[0], outputs[1])
  }

  /// Waits for the child; its exit status, or 128 + the signal that ended it.
  private static func wait(for pid: pid_t) -> Int32 {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
      if errno != EINTR { return 127 }
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
