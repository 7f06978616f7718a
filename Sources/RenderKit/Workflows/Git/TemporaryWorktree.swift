import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A commit checked out into a throwaway folder under the system temp folder, for
/// `render diff --base`: `git worktree add --detach` outside the repository, removed
/// again by `remove()` (`git worktree remove --force`, the folder deleted, then
/// `git worktree prune`).
///
/// Only render's inputs are checked out (`render.yaml`, `templates/`, `services/`,
/// `environments/`, `crds/` under the render root), so a large committed output tree
/// costs nothing. Hooks do not run.
///
/// Making the folder and checking out are two steps so that an interrupt handler can be
/// installed in between: `remove()` may be called from any thread, more than once, and
/// waits for a checkout in progress to end before removing what it made; a checkout
/// asked for after `remove()` does nothing.
public final class TemporaryWorktree: Sendable {
  /// The worktree's top folder.
  public let path: String
  /// The render root inside the checkout: the worktree plus the root's path inside the
  /// repository.
  public let root: String
  /// The folder made for it under the system temp folder.
  private let container: String
  private let repository: GitRepository
  private let prefix: String
  /// Whether `remove()` ran; held while checking out and while removing.
  private let removed = Mutex(false)

  public enum Failure: Error, CustomStringConvertible {
    case temporaryFolder(String)
    case git(GitRepository.Failure)
    case removed

    public var description: String {
      switch self {
      case .temporaryFolder(let message): message
      case .git(let failure): failure.description
      case .removed: "the temporary worktree was removed before the checkout"
      }
    }
  }

  /// Makes the temporary folder; nothing is checked out yet.
  ///
  /// - Parameters:
  ///   - repository: the repository, run at its top folder.
  ///   - prefix: the render root inside the repository (`""`, or `platform/`).
  public init(repository: GitRepository, prefix: String) throws(Failure) {
    let template = Self.temporaryFolder + "/render-base-XXXXXX"
    var buffer = Array(template.utf8CString)
    let made: String? = buffer.withUnsafeMutableBufferPointer { pointer in
      guard let base = pointer.baseAddress, mkdtemp(base) != nil else { return nil }
      return String(cString: base)
    }
    guard let made else {
      throw .temporaryFolder(
        "cannot make a temporary folder in \(template): \(String(cString: strerror(errno)))")
    }
    let inside = prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix
    container = made
    path = made + "/tree"
    root = inside.isEmpty ? path : path + "/" + inside
    self.prefix = inside
    self.repository = repository
  }

  /// Checks `commit` (a full hash) out into the folder.
  public func checkOut(_ commit: String) throws(Failure) {
    try removed.withLock { (removed: inout Bool) throws(Failure) in
      guard !removed else { throw .removed }
      try checkOutLocked(commit)
    }
  }

  private func checkOutLocked(_ commit: String) throws(Failure) {
    do {
      try repository.run(
        [
          "-c", "core.hooksPath=/dev/null", "worktree", "add", "--quiet", "--detach",
          "--no-checkout", path, commit,
        ])
      let inputs = (["render.yaml"] + RepositoryLoader.inputFolders).map {
        prefix.isEmpty ? $0 : prefix + "/" + $0
      }
      let checkout = GitRepository(root: path)
      let present = try checkout.run(["ls-tree", "--name-only", commit, "--"] + inputs)
        .split(separator: "\n").map(String.init)
      if !present.isEmpty {
        try checkout.run(
          ["-c", "core.hooksPath=/dev/null", "checkout", "--quiet", commit, "--"] + present)
      }
    } catch {
      throw .git(error)
    }
  }

  /// Removes the worktree and its folder and prunes git's record of it. Never throws:
  /// it runs on the way out, also after errors; whatever is left, `git worktree prune`
  /// and the system's temp cleaning handle.
  public func remove() {
    removed.withLock { removed in
      guard !removed else { return }
      removed = true
      if FileSystem.entryType(path) != nil {
        _ = repository.runAllowingFailure(["worktree", "remove", "--force", path])
      }
      try? FileSystem.removeTree(container)
      _ = repository.runAllowingFailure(["worktree", "prune"])
    }
  }

  /// `$TMPDIR` when it is an absolute path (git resolves a relative one against the
  /// repository, not against where render runs), or /tmp.
  private static var temporaryFolder: String {
    guard let variable = getenv("TMPDIR") else { return "/tmp" }
    var folder = String(cString: variable)
    while folder.count > 1 && folder.hasSuffix("/") { folder.removeLast() }
    return folder.hasPrefix("/") ? folder : "/tmp"
  }
}
