import TestSupport
import Testing

@testable import RenderKit

@Suite struct TerminalTextTests {
  @Test func everyControlCharacterIsEscaped() {
    #expect(TerminalText.escaped("a\u{1B}]0;t\u{07}b") == #"a\u001B]0;t\u0007b"#)
    #expect(
      TerminalText.escaped("\u{7F}\u{85}\u{9B}\u{2028}\u{2029}\r\0")
        == #"\u007F\u0085\u009B\u2028\u2029\u000D\u0000"#)
    #expect(TerminalText.escaped("line\n\tindented é ü 中") == "line\n\tindented é ü 中")
  }

  @Test func onlyRendersOwnColoursPass() {
    let colored = "\u{1B}[1;31merror\u{1B}[0m"
    #expect(TerminalText.escaped(colored, keepingColors: true) == colored)
    #expect(TerminalText.escaped(colored) == #"\u001B[1;31merror\u001B[0m"#)
    #expect(TerminalText.escaped("\u{1B}[8mhidden", keepingColors: true) == #"\u001B[8mhidden"#)
    #expect(TerminalText.escaped("\u{1B}[2J", keepingColors: true) == #"\u001B[2J"#)
  }

  @Test func theCaretLinesUpAfterAnEscapedCharacter() {
    let file = SourceFile(path: "a.yaml", text: "k: \"x\u{1B}y\": 1\n")
    let excerpt = TextReporter(colored: false).excerpt(
      at: testFiles.location("a.yaml", line: 1, column: 7), fileNames: testFiles,
      source: { _ in file })
    let lines = TerminalText.escaped(excerpt).split(separator: "\n")
    #expect(lines.count == 2)
    let caret = lines[1].firstIndex(of: "^").map {
      lines[1].distance(from: lines[1].startIndex, to: $0)
    }
    let y = lines[0].firstIndex(of: "y").map {
      lines[0].distance(from: lines[0].startIndex, to: $0)
    }
    #expect(caret == y)
  }
}
