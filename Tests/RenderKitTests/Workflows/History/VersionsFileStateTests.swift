import Testing

@testable import RenderKit

/// The running copy of versions.yaml that history replays commits into, checked against
/// reading every version of the file whole: random commits of several hunks that change,
/// add and remove service lines and environment keys.
@Suite struct VersionsFileStateTests {
  /// A small deterministic generator (an LCG), so a failure replays.
  struct Random {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
  }

  /// Every service entry of a whole file, each under the environment key above it.
  static func entries(_ lines: [String]) -> [VersionHistory.Key: String] {
    var entries: [VersionHistory.Key: String] = [:]
    var environment: String?
    for line in lines {
      switch VersionsFileLine(line) {
      case .environment(let name): environment = name
      case .service(let service, let reference):
        if let environment {
          entries[.init(environment: environment, service: service)] = reference
        }
      case .other: continue
      }
    }
    return entries
  }

  @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
  func replayingHunksMatchesReadingEveryVersionWhole(seed: UInt64) {
    var random = Random(state: seed)
    var names = 0
    func line() -> String {
      names += 1
      switch random.next(6) {
      case 0: return "env\(names):"
      case 1: return "# comment \(names)"
      default: return "  svc\(names): ghcr.io/acme/svc:\(random.next(100))"
      }
    }
    var file: [String] = []
    var state = VersionsFileState()
    for commit in 0..<300 {
      // Edits at distinct old lines, top to bottom: replace, delete, or insert before.
      var hunks: [DiffHunk] = []
      var next: [String] = []
      var shift = 0
      var index = 0
      let edits = commit == 0 ? 1 : 1 + random.next(4)
      var positions = Set((0..<edits).map { _ in random.next(file.count + 1) }).sorted()
      if file.isEmpty { positions = [0] }
      for position in positions {
        next += file[index..<position]
        index = position
        let kind = position == file.count ? 2 : random.next(3)
        switch kind {
        case 0:
          let added = line()
          hunks.append(
            DiffHunk(
              oldStart: position + 1, oldCount: 1, newStart: position + 1 + shift, newCount: 1,
              removed: [file[position]], added: [added]))
          next.append(added)
          index += 1
        case 1:
          hunks.append(
            DiffHunk(
              oldStart: position + 1, oldCount: 1, newStart: position + shift, newCount: 0,
              removed: [file[position]]))
          index += 1
          shift -= 1
        default:
          let added = (0..<(1 + random.next(commit == 0 ? 20 : 3))).map { _ in line() }
          hunks.append(
            DiffHunk(
              oldStart: position, oldCount: 0, newStart: position + 1 + shift,
              newCount: added.count, added: added))
          next += added
          shift += added.count
        }
      }
      next += file[index...]
      let (before, after) = state.apply(hunks)
      let old = Self.entries(file)
      let new = Self.entries(next)
      let changed = Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }
      let reported = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
      #expect(reported == changed, "commit \(commit)")
      for key in changed {
        #expect(before[key] == old[key] && after[key] == new[key], "commit \(commit) \(key)")
      }
      file = next
      #expect(state.lines == file.map(VersionsFileLine.init), "commit \(commit)")
      #expect(
        state.environmentLines == file.indices.filter { VersionsFileLine(file[$0]).isEnvironment },
        "commit \(commit)")
    }
  }
}
