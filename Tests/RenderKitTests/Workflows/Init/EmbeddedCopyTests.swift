import Foundation
import TestSupport
import Testing
import YAML

@testable import RenderKit

/// `render init` writes copies of render's own `editor-schemas/` and `crds/`; the binary
/// carries them in `EditorSchemas.swift` and `ReconcilerCRDs.swift`, generated from the
/// folders (each file one Swift string literal, so the copies are not hand-kept text).
/// `RECORD_SNAPSHOTS=1 swift test --filter EmbeddedCopy` regenerates them.
@Suite struct EmbeddedCopyTests {
  static let editorSchemasFile = "Sources/RenderKit/Workflows/Init/EditorSchemas.swift"
  static let crdsFile = "Sources/RenderKit/Workflows/Init/ReconcilerCRDs.swift"

  /// The CRD files and the names of their constants.
  static let crds = [
    ("application-argoproj-io.yaml", "applicationCRD"),
    ("applicationset-argoproj-io.yaml", "applicationSetCRD"),
    ("kustomization-kustomize-toolkit-fluxcd-io.yaml", "kustomizationCRD"),
  ]

  static func contents(_ relative: String) throws -> String {
    let data = try #require(FileManager.default.contents(atPath: PackageRoot.path + "/" + relative))
    return String(decoding: data, as: UTF8.self)
  }

  /// `text` as a one-line Swift string literal: JSON's escapes of quote, backslash, line
  /// feed, carriage return and tab are Swift's too, and the embedded files hold no other
  /// control character (Swift would not read JSON's `\u00XX`).
  static func literal(_ text: String) throws -> String {
    try #require(
      !text.unicodeScalars.contains { $0.value < 0x20 && !"\n\r\t".unicodeScalars.contains($0) },
      "a control character other than line feed, carriage return and tab")
    return JSONString.quoted(text)
  }

  static func header(folder: String) -> String {
    """
    // swift-format-ignore-file
    // Generated from \(folder)/ by EmbeddedCopyTests; do not edit. Change the files in
    // \(folder)/, then: RECORD_SNAPSHOTS=1 swift test --filter EmbeddedCopy


    """
  }

  static func editorSchemasSource() throws -> String {
    let names = try FileManager.default.contentsOfDirectory(
      atPath: PackageRoot.path + "/editor-schemas"
    ).filter { $0.hasSuffix(".schema.json") }.sorted()
    var text =
      header(folder: "editor-schemas") + """
        /// The JSON Schemas for editors `render init` writes to `editor-schemas/`, named by the
        /// `# yaml-language-server: $schema=` line at the top of each input file it writes.
        extension ProjectSkeleton {
          /// The schema files by name (`service.schema.json`).
          public static let editorSchemas: [(name: String, contents: String)] = [

        """
    for name in names {
      let file = try contents("editor-schemas/" + name)
      text += "    (\(try literal(name)), \(try literal(file))),\n"
    }
    return text + "  ]\n}\n"
  }

  static func crdsSource() throws -> String {
    var text =
      header(folder: "crds") + """
        /// The CustomResourceDefinitions `render init --argocd` and `--flux` write to `crds/`, so
        /// the generated Applications and Kustomizations validate from the first build.
        extension ProjectSkeleton {
        """
    for (file, name) in crds {
      text += "\n  /// `crds/\(file)`.\n"
      text += "  public static let \(name) = \(try literal(try contents("crds/" + file)))\n"
    }
    return text + "}\n"
  }

  @Test func editorSchemasAreGeneratedFromTheFolder() throws {
    try GoldenFile.expect(try Self.editorSchemasSource(), matches: Self.editorSchemasFile)
  }

  @Test func crdsAreGeneratedFromTheFolder() throws {
    try GoldenFile.expect(try Self.crdsSource(), matches: Self.crdsFile)
  }
}
