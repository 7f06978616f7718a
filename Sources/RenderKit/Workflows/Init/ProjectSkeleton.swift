/// The files `render init` writes: the smallest repository that shows each part of render
/// (a template, a service, an abstract base environment and two environments inheriting
/// it with their own version pins) and renders without findings.
///
/// The service runs nginx-unprivileged, a real image that works under the template's
/// security settings (non-root, read-only root filesystem), so the skeleton deploys as
/// it is before it is made into anything else.
public enum ProjectSkeleton {
  /// One file of the skeleton.
  public struct File: Sendable, Equatable {
    /// Relative to the new repository's root.
    public var path: String
    public var contents: String

    public init(_ path: String, _ contents: String) {
      self.path = path
      self.contents = contents
    }
  }

  /// Files that are merged with what is already there rather than refused: `.gitignore`
  /// gets the missing lines appended, an existing README is kept.
  public static let mergeablePaths: Set<String> = [".gitignore", "README.md"]

  /// Every file, sorted by path: the folder `Skeleton/` (embedded as `SkeletonFiles`)
  /// and the editor schemas.
  public static let files: [File] =
    (SkeletonFiles.all.map { File($0.path, filledIn($0.contents)) }
    + editorSchemas.map { File("editor-schemas/" + $0.name, $0.contents) })
    .sorted { $0.path < $1.path }

  /// The placeholder the folder's files hold for render's own version: the CI workflow
  /// (`.github/workflows/render.yml`, docs/ci.md) pins the release that wrote it.
  static let versionPlaceholder = "@RENDER_VERSION@"

  /// `contents` with the placeholders filled in.
  static func filledIn(_ contents: String) -> String {
    contents.replacing(versionPlaceholder, with: RenderVersion.current)
  }

  /// The contents of the skeleton file at `path`; empty for a path it does not have.
  static func contents(of path: String) -> String {
    SkeletonFiles.all.first { $0.path == path }?.contents ?? ""
  }

  /// The skeleton with reconciler output switched on: `argoCD` adds an `argocd:` block
  /// to render.yaml and the Application and ApplicationSet CRDs to `crds/`, `flux` a
  /// `flux:` block and the Kustomization CRD. Sorted by path.
  public static func files(argoCD: Bool, flux: Bool) -> [File] {
    guard argoCD || flux else { return files }
    var result = files.filter { $0.path != "render.yaml" }
    var settings = contents(of: "render.yaml")
    var blocks = ""
    if argoCD {
      result.append(File("crds/application-argoproj-io.yaml", applicationCRD))
      result.append(File("crds/applicationset-argoproj-io.yaml", applicationSetCRD))
      blocks += """

        # Argo CD: an Application per service and environment under rendered/_argocd/<env>/,
        # and an app-of-apps root per environment, applied once by hand:
        #   kubectl apply -n argocd -f rendered/_argocd/root-prod.yaml
        # The environments' `cluster` names are Argo CD cluster names (or map them to API
        # servers under `clusters:`). Options: render's docs/reconcilers.md.
        argocd:
          repoURL: https://git.example.com/you/platform.git   # this repository
          targetRevision: main

        """
    }
    if flux {
      result.append(File("crds/kustomization-kustomize-toolkit-fluxcd-io.yaml", kustomizationCRD))
      blocks += """

        # Flux: a Kustomization per service and environment under rendered/_flux/<env>/;
        # bootstrap each cluster with --path=rendered/_flux/<env>.
        flux:
          sourceRef: {kind: GitRepository, name: platform}

        """
    }
    if let commented = settings.firstRange(of: "\n# With a reconciler configured") {
      settings = String(settings[..<commented.lowerBound]) + "\n"
    }
    result.append(File("render.yaml", settings + blocks.dropFirst()))
    return result.sorted { $0.path < $1.path }
  }

  /// The lines of the skeleton's `.gitignore`: build products, and the folders render
  /// keeps beside `rendered/` while it swaps a new tree in, and its compile cache.
  public static let ignoredPatterns = [
    ".build/", ".render-staging-*", ".render-old-*", CompilationCache.folder + "/",
  ]

  /// `existing` with the ignore patterns it lacks appended, or `nil` when it has them all.
  public static func gitignore(merging existing: String) -> String? {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
    let lines = Set(
      existing.split(separator: "\n").map { line in
        String(line.drop(while: isSpace).reversed().drop(while: isSpace).reversed())
      })
    let missing = ignoredPatterns.filter { !lines.contains($0) }
    guard !missing.isEmpty else { return nil }
    let separator = existing.isEmpty ? "" : existing.hasSuffix("\n") ? "\n" : "\n\n"
    return existing + separator + "# render\n" + missing.joined(separator: "\n") + "\n"
  }
}
