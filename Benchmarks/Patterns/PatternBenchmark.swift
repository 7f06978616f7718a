// Measures the RE2 pattern engine (RegexPattern) on patterns that make backtracking
// engines take exponential time, over 20,000-character inputs:
//
//   swift run -c release pattern-benchmark [length] [rounds]
//
// One line per case: the pattern, the input, the verdict and the best time of `rounds`
// runs in milliseconds. A fresh pattern is compiled for the first (cold) run, so its
// time includes building the DFA states; the best is usually a warm run.

import Dispatch
import RenderKit

@main
struct PatternBenchmark {
  static func main() throws {
    let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
    let length = arguments.first ?? 20_000
    let rounds = arguments.dropFirst().first ?? 5
    let run = String(repeating: "a", count: length)
    var mixed = ""
    var seed: UInt32 = 42
    for _ in 0..<length {
      seed = seed &* 1_103_515_245 &+ 12_345
      mixed.append(seed >> 16 & 1 == 0 ? "a" : "b")
    }
    let label = String(repeating: "a", count: length - 1) + "-"
    let cases: [(pattern: String, input: String, name: String)] = [
      ("^(a+)+$", run + "!", "a×N + !"),
      ("^(a+)+$", run, "a×N"),
      ("(a|a)*b", run, "a×N"),
      ("(a*)*c", run, "a×N"),
      ("^(a|aa)*$", run + "b", "a×N + b"),
      ("(x+x+)+y", String(repeating: "x", count: length), "x×N"),
      ("(a|b)*a(a|b){12}$", mixed, "random a/b"),
      ("^([a-z0-9]+-?)+[a-z0-9]$", label, "a×N + -"),
      ("(?i)^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", label, "a×N + -"),
      (#"^\p{L}+$"#, String(repeating: "é", count: length) + "1", "é×N + 1"),
      ("^a{1000}$", run, "a×N"),
      // A program of about 5,000 instructions whose DFA never fits the cache: the worst
      // case, an NFA step per scalar.
      ("(a|b)*a(a|b){1000}$", mixed, "random a/b"),
    ]
    print("input length \(length) scalars, best of \(rounds) runs")
    for entry in cases {
      let compiled = try RegexPattern(entry.pattern)
      var best = Double.infinity
      var verdict = false
      for _ in 0..<rounds {
        let start = DispatchTime.now().uptimeNanoseconds
        verdict = compiled.matches(entry.input)
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        best = min(best, elapsed)
      }
      let cold = try RegexPattern(entry.pattern)
      let coldStart = DispatchTime.now().uptimeNanoseconds
      _ = cold.matches(entry.input)
      let coldTime = Double(DispatchTime.now().uptimeNanoseconds - coldStart) / 1e6
      print(
        "\(pad(entry.pattern, 38)) \(pad(entry.name, 12)) "
          + "\(verdict ? "match   " : "no match") cold \(format(coldTime)) ms, "
          + "best \(format(best)) ms")
    }
  }

  static func pad(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.count))
  }

  static func format(_ milliseconds: Double) -> String {
    let hundredths = Int((milliseconds * 100).rounded())
    let fraction = hundredths % 100
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
  }
}
