import Foundation
import Testing

@Suite struct SmokeTests {
  @Test func helpListsBuild() throws {
    let result = try RenderBinary.run(["--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("build"))
  }
}
