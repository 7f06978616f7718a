import RenderKit

/// The file-name table of tests that make locations without loading a repository from
/// disk: inline YAML parsed in a test, in-memory fixture repositories, findings made by
/// hand. A test that loads a repository uses that repository's `fileNames` instead.
/// Shared by every test (the table is only added to, under its lock), so locations made
/// in different tests compare as they would within one load.
public let testFiles = SourceFileNames()

/// The bundled Kubernetes schemas, read once for all tests (reading them is most of a
/// small test's time); each definition is compiled when a test first needs it.
public let bundledSchema: KubernetesSchema = {
  do {
    return try KubernetesSchema.loadBundled()
  } catch {
    fatalError("the bundled Kubernetes schema does not load: \(error)")
  }
}()

extension SourceLocation {
  /// `path:line:column` of a location in `testFiles`, for assertions.
  public var testDescription: String { testFiles.describe(self) }

  /// The path of a location in `testFiles`.
  public var testPath: String { testFiles.path(of: fileID) }
}
