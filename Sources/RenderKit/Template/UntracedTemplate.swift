/// The trace of a build: nothing is recorded, and the specialised renderer has no trace
/// code at all.
struct UntracedTemplate: TemplateTrace {
  @inline(__always) mutating func begin(document location: SourceLocation) {}
  @inline(__always) mutating func enter(_ component: PathComponent) {}
  @inline(__always) mutating func leave() {}
  @inline(__always) mutating func record(_ value: Node, at location: SourceLocation) {}
  @inline(__always) mutating func replacing(_ key: String, in builder: MappingBuilder) {}
}
