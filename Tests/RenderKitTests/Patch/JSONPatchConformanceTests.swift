import Foundation
import TestSupport
import Testing

@testable import RenderKit

/// One case of the public JSON Patch test suite (json-patch-tests, in
/// `Tests/Fixtures/conformance/json-patch/`): a document, a patch, and either the
/// expected document or the fact that the patch must fail.
struct JSONPatchSuiteCase: Sendable, CustomTestStringConvertible {
  var file: String
  var index: Int
  var comment: String
  /// The document and each operation as JSON text, read back with `JSONParser`.
  var document: String
  var operations: [String]
  /// The expected document as JSON text; nil when the case expects an error or only
  /// that the patch applies.
  var expected: String?
  var expectsError: Bool
  var disabled: Bool

  var testDescription: String { "\(file) #\(index): \(comment)" }

  /// What applying the patch gave: the patched document, or the first problem.
  enum Outcome {
    case patched(Node)
    case failed(String)
  }

  func run() throws -> Outcome {
    let subject = "\(file) #\(index)"
    var body = try JSONParser.parse(document, file: subject, fileNames: testFiles)
    var parsed: [JSONPatchOperation] = []
    for text in operations {
      let (operation, diagnostics) = PatchParser.parseOperation(
        try JSONParser.parse(text, file: subject, fileNames: testFiles), subject: subject)
      if let error = diagnostics.first(where: { $0.severity == .error }) {
        return .failed(error.message)
      }
      guard let operation else { return .failed("the operation was not read") }
      parsed.append(operation)
    }
    if let error = JSONPatch.apply(parsed, to: &body, resource: subject).first {
      return .failed(error.message)
    }
    return .patched(body)
  }

  /// Why the case fails, or nil when it passes.
  func failure() throws -> String? {
    switch try run() {
    case .failed(let message):
      return expectsError ? nil : "expected success, got: \(message)"
    case .patched(let body):
      if expectsError { return "expected an error, got:\n\(YAMLEmitter.emit(body))" }
      guard let expected else { return nil }
      let want = try JSONParser.parse(expected, file: "expected", fileNames: testFiles)
      return body == want
        ? nil : "expected:\n\(YAMLEmitter.emit(want))got:\n\(YAMLEmitter.emit(body))"
    }
  }
}

/// Runs json-patch-tests' `tests.json` and `spec_tests.json` against `JSONPatch` and
/// `PatchParser`. Cases where render departs on purpose are listed, with the reason, in
/// `deliberateDepartures` (and in the fixture's README); they are checked to still
/// depart, so the list cannot go stale.
@Suite struct JSONPatchConformanceTests {
  static let folder = "conformance/json-patch/"
  static let files = ["tests.json", "spec_tests.json"]

  /// Comment of the case -> why render does not do what the suite expects.
  static let deliberateDepartures: [String: String] = [
    "spurious patch properties":
      "unknown keys in input files are errors (SPEC section 2), also in a patch operation",
    "A.11.  Ignoring Unrecognized Elements":
      "unknown keys in input files are errors (SPEC section 2), also in a patch operation",
    "remove whole document":
      "a patch cannot remove the resource it patches; 'remove' with path '' is an error",
    "~ Escape Ordering":
      "the case tests the string \"10\" against the number 10, which RFC 6902 section 4.6 says differ",
  ]

  /// Cases whose JSON has a member twice: `JSONSerialization` keeps one of them, so the
  /// case would not test what it says. `rejectsDuplicateMembers` checks them instead.
  static let duplicateMembers: Set<String> = ["Invalid JSON Patch Document", "duplicate ops"]

  static let cases: [JSONPatchSuiteCase] = (try? load()) ?? []

  static func load() throws -> [JSONPatchSuiteCase] {
    var cases: [JSONPatchSuiteCase] = []
    for file in files {
      let data = Data(try PackageRoot.fixtureText(folder + file).utf8)
      guard let records = try JSONSerialization.jsonObject(with: data) as? [[String: Any]]
      else { throw TestFailure("\(file) is not a list of objects") }
      for (index, record) in records.enumerated() {
        guard let document = record["doc"], let patch = record["patch"] as? [Any] else {
          continue  // a comment-only record
        }
        let comment = record["comment"] as? String ?? "(no comment)"
        if duplicateMembers.contains(comment) { continue }
        cases.append(
          JSONPatchSuiteCase(
            file: file, index: index, comment: comment, document: try json(document),
            operations: try patch.map(json), expected: try record["expected"].map(json),
            expectsError: record["error"] != nil, disabled: record["disabled"] as? Bool ?? false))
      }
    }
    return cases
  }

  static func json(_ value: Any) throws -> String {
    let data = try JSONSerialization.data(
      withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys])
    return String(decoding: data, as: UTF8.self)
  }

  @Test func readsTheWholeSuite() throws {
    #expect(try Self.load().count == 108)
    #expect(Self.cases.filter(\.disabled).count == 2)
  }

  @Test(arguments: cases.filter { !$0.disabled })
  func conforms(_ test: JSONPatchSuiteCase) throws {
    let failure = try test.failure()
    if let reason = Self.deliberateDepartures[test.comment] {
      #expect(failure != nil, "passes now; remove it from the departures: \(reason)")
    } else {
      #expect(failure == nil, "\(failure ?? "")")
    }
  }

  /// The suite's two cases with a member twice: render's JSON reader refuses the
  /// operation outright, which is what the suite asks for.
  @Test func rejectsDuplicateMembers() {
    let operation = #"{ "op": "add", "path": "/baz", "value": "qux", "op": "remove" }"#
    #expect(throws: YAMLParseFailure.self) {
      try JSONParser.parse(operation, file: "spec_tests.json", fileNames: testFiles)
    }
  }
}
