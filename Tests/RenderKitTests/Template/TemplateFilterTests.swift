import TestSupport
import Testing

@testable import RenderKit

/// 11. Every filter, its errors, and unknown filters.
@Suite struct TemplateFilterTests {
  typealias F = TemplateFixture

  @Test func theFiltersAreExactlyTheDocumentedOnes() {
    // Nothing that reads files, the environment or the clock (12): adding a filter means
    // updating this list, on purpose.
    #expect(
      TemplateFilter.allNames == [
        "b64enc", "default", "envList", "join", "length", "lower", "replace", "required",
        "sha256", "string", "toJson", "trimPrefix", "trimSuffix", "trunc", "upper",
      ])
  }

  @Test func lowerAndUpper() throws {
    #expect(try F.string("values.name | upper") == "WEB")
    #expect(try F.string(#""ÄBC" | lower"#) == "äbc")
    let message = try F.error("values.port | lower")
    #expect(message == "'lower' needs a string, not an integer (8080) ('values.port')")
    let rendered = try F.render("a: ${ values.port | upper }\n")
    #expect(rendered.diagnostics.first?.help == "convert it first: 'values.port | string | upper'")
  }

  @Test func join() throws {
    #expect(try F.string(#"values.hosts | join(",")"#) == "a.example.com,b.example.com")
    #expect(try F.string(#"values.mixed | join("-")"#) == "1-true-x-0.5")
    #expect(
      try F.error("values.hosts | join(1)")
        == "the separator of 'join' must be a string, not an integer (1)")
    #expect(
      try F.error(#"values.extraEnv | join(",")"#)
        == "'join' needs a list of strings, numbers or booleans; 'values.extraEnv' holds a mapping")
    #expect(
      try F.error(#"values.name | join(",")"#)
        == #"'join' needs a list, not a string ("web") ('values.name')"#)
  }

  @Test func envListKeepsTheMappingsOrderAndSpreadsMappings() throws {
    let values = """
      values:
        env:
          WORKERS: 4
          DB:
            valueFrom: {secretKeyRef: {name: db, key: url}}
          LOG_LEVEL: info
          UNSET: null
      """
    let rendered = try F.render("env: ${ values.env | envList }\n", values: values)
    #expect(rendered.diagnostics.isEmpty, "\(rendered.errors)")
    #expect(
      rendered.yaml == """
        env:
        - name: WORKERS
          value: "4"
        - name: DB
          valueFrom:
            secretKeyRef:
              name: db
              key: url
        - name: LOG_LEVEL
          value: info

        """)
    // Names point at the keys, values at where they were set.
    let items = try #require(rendered.node?["env"]?.sequence)
    #expect(items[2]["name"]?.location == F.location(line: 6, column: 5, file: F.serviceFile))
    #expect(items[2]["value"]?.location == F.location(line: 6, column: 16, file: F.serviceFile))
    #expect(items[0]["value"]?.location == F.location(line: 3, column: 14, file: F.serviceFile))
  }

  @Test func envListKeepsTheOrderLayersGave() throws {
    // Later layers override in place and append new names (MergePatch keeps key order).
    let base = try F.parse(
      "env: {REDIS_HOST: redis, CONNECTION: \"$(REDIS_HOST):6379\"}", file: F.serviceFile)
    let layer = try F.parse("env: {A_FIRST: x, REDIS_HOST: cache}", file: F.environmentFile)
    let merged = MergePatch.apply(layer, to: base)
    let scope = TemplateScope(["values": merged], fileNames: testFiles)
    let document = try F.parse("env: ${ values.env | envList }", file: F.templateFile)
    let rendered = TemplateRenderer(scope: scope).render(document)
    #expect(rendered.diagnostics.isEmpty)
    let names = rendered.node?["env"]?.sequence?.compactMap { $0["name"]?.string }
    #expect(names == ["REDIS_HOST", "CONNECTION", "A_FIRST"])
    #expect(rendered.node?["env"]?.sequence?[0]["value"]?.string == "cache")
  }

  @Test func envListErrors() throws {
    #expect(
      try F.error("values.hosts | envList")
        == "'envList' needs a mapping, not a list ('values.hosts')")
    let values = "values:\n  bad: {A: [1]}\n  clash: {B: {name: x}}\n"
    let rendered = try F.render(
      "a: ${ values.bad | envList }\nb: ${ values.clash | envList }\n", values: values)
    #expect(
      rendered.errors == [
        "1:4: 'envList' needs string values or mappings (like {valueFrom: …}); 'values.bad.A' is a list",
        "2:4: 'envList' cannot spread 'values.clash.B': it sets 'name', which envList sets to 'B'",
      ])
  }

  @Test func toJsonIsCompactAndKeepsKeyOrder() throws {
    #expect(try F.string("values.labels | toJson") == #"{"team":"payments","tier":"backend"}"#)
    #expect(try F.string("values.nested | toJson") == #"{"inner":{"deep":42}}"#)
    #expect(try F.string("values.mixed | toJson") == #"[1,true,"x",0.5]"#)
    #expect(
      try F.error("values.nothing | toJson")
        == #"'values.nothing' is null, and 'toJson' of null is the text "null""#)
    #expect(try F.string("values.extraEnv | toJson") == #"[{"name":"EXTRA","value":"1"}]"#)
    let node = Node.mapping([.init("q\"\\", .string("a\nb\t\u{1}é"))])
    #expect(try CompactJSON.text(of: node) == #"{"q\"\\":"a\nb\t\u0001é"}"#)
    #expect(throws: TemplateError.self) { try CompactJSON.text(of: .scalar(.float(.nan))) }
  }

  @Test func b64enc() throws {
    #expect(try F.string(#""hello" | b64enc"#) == "aGVsbG8=")
    #expect(try F.string(#""héllo" | b64enc"#) == "aMOpbGxv")
    #expect(
      try F.error("values.port | b64enc")
        == "'b64enc' needs a string, not an integer (8080) ('values.port')")
  }

  @Test func sha256() throws {
    #expect(
      try F.string(#""abc" | sha256"#)
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      try F.string("values.labels | toJson | sha256")
        == SHA256.hexDigest(of: #"{"team":"payments","tier":"backend"}"#))
  }

  @Test func sha256OfAnAbsentValueIsAnError() throws {
    // Never sha256("null"): a checksum that looks real and never changes.
    #expect(try F.error("values.nothing | toJson | sha256").contains("'toJson' of null"))
    #expect(try F.error("values.missing | sha256").hasPrefix("'values.missing' is not defined"))
    #expect(
      try F.error("values.nothing | sha256")
        == "'sha256' needs a string, not null ('values.nothing')")
    #expect(
      try F.string("(values.nothing ?? {}) | toJson | sha256") == SHA256.hexDigest(of: "{}"))
  }

  @Test func trunc() throws {
    #expect(try F.string(#""abcdef" | trunc(3)"#) == "abc")
    #expect(try F.string(#""abc" | trunc(10)"#) == "abc")
    #expect(try F.string(#""abc" | trunc(0)"#) == "")
    #expect(
      try F.error(#""abc" | trunc(-1)"#)
        == "'trunc' needs a length that is a non-negative integer, not an integer (-1)")
    #expect(
      try F.error(#""abc" | trunc("3")"#)
        == #"'trunc' needs a length that is a non-negative integer, not a string ("3")"#)
  }

  @Test func replace() throws {
    #expect(try F.string(#""a.b.c" | replace(".", "-")"#) == "a-b-c")
    #expect(try F.string(#""aaa" | replace("aa", "b")"#) == "ba")
    #expect(
      try F.error(#""abc" | replace("", "x")"#) == "'replace' needs a non-empty string to find")
    #expect(
      try F.error(#""abc" | replace("a", 1)"#)
        == "the new of 'replace' must be a string, not an integer (1)")
  }

  @Test func required() throws {
    let rendered = try F.render(
      """
      a: ${ values.missing | required("set values.missing in service.yaml") }
      b: ${ values.nothing | required("nothing is required") }
      c: ${ values.replicas | required("replicas") }
      """)
    #expect(
      rendered.errors == [
        "1:4: set values.missing in service.yaml",
        "2:4: nothing is required",
      ])
    #expect(
      rendered.diagnostics.map(\.help) == [
        "'values.missing' is not defined", "'values.nothing' is null",
      ])
    // The value passes through with its provenance.
    #expect(rendered.node?["c"]?.location == F.location(line: 2, column: 13, file: F.serviceFile))
    #expect(
      try F.error("values.port | required(1)")
        == "the message of 'required' must be a string, not an integer (1)")
  }

  @Test func `default`() throws {
    #expect(try F.evaluate("values.missing | default(3)") == "result: 3\n")
    #expect(try F.evaluate(#"values.nothing | default("x")"#) == "result: x\n")
    #expect(try F.evaluate("values.port | default(1)") == "result: 8080\n")
    #expect(try F.evaluate("values.port | default(values.missing)") == "result: 8080\n")
    #expect(try F.evaluate(#"values.empty | default("x")"#) == "result: \"\"\n")
    #expect(
      try F.error("values.nothing | default(values.missing)") == "'values.missing' is not defined")
  }

  @Test func trimPrefixAndSuffix() throws {
    #expect(try F.string(#"service.imageRef | trimPrefix("ghcr.io/")"#) == "acme/checkout:1.4.2")
    #expect(try F.string(#""abc" | trimPrefix("x")"#) == "abc")
    #expect(try F.string(#""file.yaml" | trimSuffix(".yaml")"#) == "file")
    #expect(try F.string(#""abc" | trimSuffix("x")"#) == "abc")
  }

  @Test func string() throws {
    #expect(try F.string("values.port | string") == "8080")
    #expect(try F.string("values.ratio | string") == "0.5")
    #expect(try F.string("values.enabled | string") == "true")
    #expect(try F.string("values.name | string") == "web")
    #expect(try F.error("values.nothing | string").contains("write '${ values.nothing ?? \"\" }'"))
    #expect(try F.error("values.labels | string").contains("'${ values.labels | toJson }'"))
  }

  @Test func length() throws {
    #expect(try F.evaluate("values.hosts | length") == "result: 2\n")
    #expect(try F.evaluate("values.labels | length") == "result: 2\n")
    #expect(try F.evaluate(#""héllo" | length"#) == "result: 5\n")
    #expect(
      try F.error("values.port | length")
        == "'length' needs a string, a list or a mapping, not an integer (8080) ('values.port')")
  }

  @Test func unknownFiltersAndArity() throws {
    #expect(try F.error("values.name | uper") == "unknown filter 'uper'; did you mean 'upper'?")
    #expect(try F.error("values.name | readFile").hasPrefix("unknown filter 'readFile'"))
    #expect(try F.error("values.name | upper(1)") == "'upper' takes no arguments, not 1")
    #expect(try F.error("values.hosts | join") == "'join' takes 1 argument, not 0")
    #expect(try F.error(#""a" | replace("a")"#) == "'replace' takes 2 arguments, not 1")
    let rendered = try F.render(#"a: ${ "a" | replace("a") }"# + "\n")
    #expect(rendered.diagnostics.first?.help == "write '| replace(old, new)'")
  }

  @Test func filtersOnUndefinedReportTheUndefinedValue() throws {
    #expect(
      try F.error("values.nme | upper")
        == "'values.nme' is not defined; did you mean 'values.name'?")
  }
}
