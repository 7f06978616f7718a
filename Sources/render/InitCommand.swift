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
    let root = InitPlan.root(of: directory)
    let plan = try WorkflowFailure.run { () throws(WorkflowError) in
      let plan = try InitPlan.plan(
        root: root, files: ProjectSkeleton.files(argoCD: argocd, flux: flux))
      try plan.checkConflicts()
      try plan.write()
      return plan
    }
    Console.out(plan.report)

    let build = try BuildCommand.parse(["--root", root])
    try await build.run()
    Console.out(
      """

      Next:
        \(root == "." ? "" : "cd \(root) && ")render explain prod hello    where each value of hello in prod comes from
        git init && git add -A && git commit -m "Platform skeleton"

      """)
  }
}
