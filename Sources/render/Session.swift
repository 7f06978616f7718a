import ArgumentParser
import RenderKit

/// One command's repository: loaded and its `--env`/`--service` names checked (by
/// `LoadedRepository`), with the bundled schemas compiling in the background for a
/// command that compiles. The work is RenderKit's; this adapts it to the command line
/// (usage errors exit 64, progress on the terminal, the output lock's waiting note).
struct Session {
  let loaded: LoadedRepository
  /// `nil` for a command that never compiles (`versions`): the schemas are not read.
  let schema: BundledSchema?
  /// `--strict`.
  var strict = false

  var root: String { loaded.root }
  var repository: Repository { loaded.repository }
  /// render.yaml's settings, `--output` applied.
  var settings: ProjectSettings { loaded.settings }

  /// Loads the repository and checks `--env`/`--service` against it (an unknown name is
  /// a usage error, exit 64). `compiles: false` is for commands that never compile.
  static func load(
    options: RootOptions, output: String? = nil, compiles: Bool = true
  ) throws -> Session {
    // Compile the bundled schemas on another core while the repository is read.
    let schema = compiles ? BundledSchema() : nil
    do {
      let loaded = try LoadedRepository.load(
        root: options.root, output: output, environments: options.environments,
        services: options.services)
      return Session(loaded: loaded, schema: schema)
    } catch {
      throw ValidationError(error.message)
    }
  }

  /// The command line's filters alone, as a render of another commit uses them.
  var filters: BuildOptions {
    BuildOptions(environments: loaded.environments, services: loaded.services, strict: strict)
  }

  /// The options a build compiles with, progress shown on a terminal.
  private var buildOptions: BuildOptions {
    var options = loaded.buildOptions(strict: strict)
    if Console.showsProgress { options.progress = { Console.progress($0) } }
    return options
  }

  /// The bundled schemas.
  func bundledSchema() async -> KubernetesSchema {
    await Self.value(of: schema ?? BundledSchema())
  }

  /// `schema`'s value; failing to load it is a bug in render, not the user's input.
  static func value(of schema: BundledSchema) async -> KubernetesSchema {
    do {
      return try await schema.value()
    } catch {
      Console.internalFailure("the bundled Kubernetes schema does not load: \(error)")
    }
  }

  /// Everything a compile computes (no cache): for commands that show more than the
  /// output tree (`explain`, `preview`).
  func compile() async -> Compilation {
    let parsed = loaded.parse()
    return await Compiler.compile(
      parsed.platform, diagnostics: parsed.diagnostics, options: buildOptions,
      schema: await bundledSchema())
  }

  /// The output tree and findings, from `.render-cache/` when it holds them for exactly
  /// these inputs. `build --check` passes `store: false`: a check writes nothing.
  /// `deferringStore`: the entries are written meanwhile (`CompiledOutput.storing`), and
  /// the command awaits `stored()` before it exits.
  func compileOutput(store: Bool = true, deferringStore: Bool = false) async -> CompiledOutput {
    let schema = schema ?? BundledSchema()
    return await CompilationCache(root: root).compile(
      loaded, options: buildOptions, schema: { await Self.value(of: schema) },
      build: BinaryIdentity.current(), store: store, deferringStore: deferringStore)
  }

  /// The output lock, waiting (and saying so) if another render holds it.
  func lock() throws -> OutputLock {
    do {
      return try OutputLock.acquire(root: root) {
        Console.error("render: another render is writing in \(root); waiting for it to finish...\n")
      }
    } catch {
      Console.error("render: \(error)\n")
      throw ExitCode(1)
    }
  }
}
