// libFuzzer entry point for the YAML reader and emitter, compiled by Scripts/fuzz.sh
// together with Sources/YAML (this file is not part of the package).
//
// Property: any input either fails to parse, or every document it gives is emitted as
// YAML that parses back to one document whose emitted bytes are the same.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
  guard let documents = try? YAMLParser.parse(text, file: "fuzz.yaml") else { return 0 }
  for document in documents {
    let emitted = YAMLEmitter.emit(document)
    guard let again = try? YAMLParser.parse(emitted, file: "emitted.yaml"), again.count == 1,
      YAMLEmitter.emit(again[0]) == emitted
    else {
      fatalError("emitted YAML does not read back: \(emitted.debugDescription)")
    }
  }
  return 0
}
