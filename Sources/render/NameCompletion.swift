import ArgumentParser
import RenderKit

/// Dynamic shell completions: the environment, service and template names of the
/// repository the command line points at (`--root`, else the current folder), read from
/// its folders when the shell asks, so they are never out of date.
enum NameCompletion {
  static let environments = CompletionKind.custom { words, _, prefix in
    RepositoryNames.environments(root: root(in: words)).filter { $0.hasPrefix(prefix) }
  }

  static let services = CompletionKind.custom { words, _, prefix in
    RepositoryNames.services(root: root(in: words)).filter { $0.hasPrefix(prefix) }
  }

  /// The value of `--root DIR` or `--root=DIR` among the words typed so far.
  static func root(in words: [String]) -> String {
    var root = "."
    for (index, word) in words.enumerated() {
      if word == "--root", index + 1 < words.count {
        root = words[index + 1]
      } else if word.hasPrefix("--root=") {
        root = String(word.dropFirst("--root=".count))
      }
    }
    return root
  }
}
