import Testing

@testable import RenderKit

@Suite struct OutputLockTests {
  @Test func aSecondRenderOnTheSameTreeFailsWithAClearMessage() throws {
    let folder = try TemporaryFolder()
    let first = try OutputLock.acquire(root: folder.path, timeout: 0, onWait: {})
    var waited = 0
    do {
      let second = try OutputLock.acquire(root: folder.path, timeout: 0, onWait: { waited += 1 })
      Issue.record("the lock was taken twice")
      withExtendedLifetime(second) {}
    } catch {
      #expect(
        error.description
          == "another render has been writing in '\(folder.path)' for more than 0 s; giving up (is one stuck?)"
      )
    }
    #expect(waited == 1)
    withExtendedLifetime(first) {}
  }

  @Test func theLockIsFreeAgainOnceReleased() throws {
    let folder = try TemporaryFolder()
    var first: OutputLock? = try OutputLock.acquire(root: folder.path, timeout: 0, onWait: {})
    #expect(first != nil)
    first = nil
    var waited = false
    let second = try OutputLock.acquire(
      root: folder.path, timeout: 0, onWait: { waited = true })
    #expect(!waited)
    withExtendedLifetime(second) {}
  }

  @Test func aWaitingRenderGetsTheLockWhenTheFirstFinishes() async throws {
    let folder = try TemporaryFolder()
    let path = folder.path
    var first: OutputLock? = try OutputLock.acquire(root: path, timeout: 0, onWait: {})
    let waiter = Task.detached {
      var waited = false
      let lock = try OutputLock.acquire(root: path, timeout: 10, onWait: { waited = true })
      withExtendedLifetime(lock) {}
      return waited
    }
    try await Task.sleep(nanoseconds: 300_000_000)
    #expect(first != nil)
    first = nil
    #expect(try await waiter.value)
  }

  @Test func aMissingRootCannotBeLocked() {
    #expect(throws: OutputLock.Failure.self) {
      try OutputLock.acquire(root: "/nonexistent/render-test", timeout: 0, onWait: {})
    }
  }
}
