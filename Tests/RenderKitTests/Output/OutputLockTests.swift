import Dispatch
import TestSupport
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
    withExtendedLifetime(first) {}
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
    // The waiter says when it has found the lock taken; only then is the lock released.
    let waiting = DispatchSemaphore(value: 0)
    let waiter = Task.detached {
      var waited = false
      let lock = try OutputLock.acquire(
        root: path, timeout: 10,
        onWait: {
          waited = true
          waiting.signal()
        })
      withExtendedLifetime(lock) {}
      return waited
    }
    await Task.detached { waiting.wait() }.value
    withExtendedLifetime(first) {}
    first = nil
    #expect(try await waiter.value)
  }

  @Test func aMissingRootCannotBeLocked() {
    #expect(throws: OutputLock.Failure.self) {
      try OutputLock.acquire(root: "/nonexistent/render-test", timeout: 0, onWait: {})
    }
  }
}
