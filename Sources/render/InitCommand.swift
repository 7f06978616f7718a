import ArgumentParser
import RenderKit

struct InitCommand: AsyncParsableCommand, ColorChoosing {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Create a new repository skeleton that renders and validates as it is.",
    discussion: """
      Writes render.yaml, a template (templates/web: a Deployment and a Service), a \
      service (services/hello), an abstract environment 'base' with two environments \
      inheriting it ('dev' and 'prod', each pinning a version), a .gitignore, a short \
      README, a GitHub Actions workflow (.github/workflows/render.yml) and JSON Schemas \
      for editors (editor-schemas/) into DIR, creating DIR if needed, then renders \
      rendered/.

      Existing files are never overwritten: if any file of the skeleton exists, they are \
      listed and nothing is written. Two files are merged instead: an existing .gitignore \
      gets render's entries appended, and an existing README.md is kept.

      --argocd and --flux switch on reconciler output: render.yaml gets an argocd: or \
      flux: block and crds/ the CustomResourceDefinitions the generated objects are \
      validated against.

      Examples:
        render init                     a skeleton in the current folder
        render init --argocd platform   with Argo CD Applications
        render init platform            in ./platform, created if needed
        render init platform && cd platform && render explain prod hello
      """
  )

  @OptionGroup var color: ColorOptions

  @Argument(help: "The folder of the new repository, created if needed.")
  var directory: String = "."

  @Flag(help: "Also write Argo CD Applications (render.yaml argocd: and its CRDs).")
  var argocd = false

  @Flag(help: "Also write Flux Kustomizations (render.yaml flux: and its CRD).")
  var flux = false

  func run() async throws {
    let root =
      directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
    let shown = root == "." ? "" : root + "/"
    if let type = FileSystem.targetType(root), type != .directory {
      throw ValidationError("'\(root)' exists and is not a folder")
    }

    let plan = try Self.plan(root: root, files: ProjectSkeleton.files(argoCD: argocd, flux: flux))
    if !plan.conflicts.isEmpty {
      Console.error(
        "render: nothing written: render init never overwrites files, and these exist in \(root == "." ? "the current folder" : "'\(root)'"):\n"
          + plan.conflicts.map { "  \(shown)\($0)\n" }.joined()
          + "render: move them away, or run render init with a new folder.\n")
      throw ExitCode(1)
    }

    do {
      try FileSystem.makeDirectories(root)
      for file in plan.writes {
        try FileSystem.makeDirectories(root + "/" + Self.parent(of: file.path))
        try InputFileWriter.write(
          file.contents, to: root + "/" + file.path, creating: !file.replaces)
      }
    } catch {
      Console.error("render: \(error)\n")
      throw ExitCode(1)
    }
    plan.report(prefix: shown)

    let build = try BuildCommand.parse(["--root", root])
    try await build.run()
    Console.out(
      """

      Next:
        \(root == "." ? "" : "cd \(root) && ")render explain prod hello    where each value of hello in prod comes from
        git init && git add -A && git commit -m "Platform skeleton"

      """)
  }

  /// A file to write: new, or an existing `.gitignore` with render's entries added.
  struct Write {
    var path: String
    var contents: String
    var replaces: Bool
  }

  /// What init will do in `root`, decided before anything is written.
  struct Plan {
    var writes: [Write] = []
    /// Skeleton paths that exist (or whose folder is a file): init refuses.
    var conflicts: [String] = []
    /// Existing files kept as they are.
    var kept: [String] = []

    func report(prefix: String) {
      var text = ""
      for write in writes {
        text += "\(write.replaces ? "updated" : "created") \(prefix)\(write.path)\n"
      }
      for path in kept {
        text += "kept    \(prefix)\(path) (it exists)\n"
      }
      Console.out(text)
    }
  }

  static func plan(root: String, files: [ProjectSkeleton.File]) throws -> Plan {
    var plan = Plan()
    for file in files {
      let path = root + "/" + file.path
      if let blocked = blockingAncestor(of: file.path, root: root) {
        if !plan.conflicts.contains(blocked) { plan.conflicts.append(blocked) }
        continue
      }
      guard let type = FileSystem.entryType(path) else {
        plan.writes.append(Write(path: file.path, contents: file.contents, replaces: false))
        continue
      }
      guard ProjectSkeleton.mergeablePaths.contains(file.path), type == .file else {
        plan.conflicts.append(file.path)
        continue
      }
      if file.path == ".gitignore" {
        let existing: [UInt8]
        do {
          existing = try FileSystem.readBytes(path)
        } catch {
          Console.error("render: \(error)\n")
          throw ExitCode(1)
        }
        if let merged = ProjectSkeleton.gitignore(
          merging: String(decoding: existing, as: UTF8.self))
        {
          plan.writes.append(Write(path: file.path, contents: merged, replaces: true))
        } else {
          plan.kept.append(file.path)
        }
      } else {
        plan.kept.append(file.path)
      }
    }
    return plan
  }

  /// The first folder on the way to `path` that exists as something other than a
  /// folder (a file called `templates`, say): the skeleton cannot go there.
  static func blockingAncestor(of path: String, root: String) -> String? {
    var folder = ""
    for component in path.split(separator: "/").dropLast() {
      folder += (folder.isEmpty ? "" : "/") + component
      if let type = FileSystem.targetType(root + "/" + folder), type != .directory {
        return folder
      }
    }
    return nil
  }

  static func parent(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return String(path[..<slash])
  }
}
