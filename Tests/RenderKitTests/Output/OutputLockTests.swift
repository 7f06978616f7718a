import Dispatch
import Foundation
import Synchronization
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

  @Test func aWaitingRenderGetsTheLockWhenTheFirstFinishes() throws {
    let folder = try TemporaryFolder()
    let path = folder.path
    var first: OutputLock? = try OutputLock.acquire(root: path, timeout: 0, onWait: {})
    // The waiter runs on a thread of its own, not on the (two-thread, on this machine)
    // cooperative pool other tests keep busy: it says when it has found the lock taken,
    // and only then is the lock released.
    let waiting = DispatchSemaphore(value: 0)
    let finished = DispatchSemaphore(value: 0)
    let outcome = Mutex<Result<Bool, any Error>?>(nil)
    let waiter = Thread {
      var waited = false
      let result = Result {
        let lock = try OutputLock.acquire(
          root: path, timeout: 10,
          onWait: {
            waited = true
            waiting.signal()
          })
        withExtendedLifetime(lock) {}
        return waited
      }
      outcome.withLock { $0 = result }
      finished.signal()
    }
    waiter.start()
    // A lock that does not hold would let the waiter through without waiting: a finding,
    // not a test that hangs.
    if waiting.wait(timeout: .now() + 10) == .timedOut {
      Issue.record("the second render did not wait for the lock")
    }
    withExtendedLifetime(first) {}
    first = nil
    finished.wait()
    #expect(try outcome.withLock { try $0?.get() } == true)
  }

  @Test func aMissingRootCannotBeLocked() {
    #expect(throws: OutputLock.Failure.self) {
      try OutputLock.acquire(root: "/nonexistent/render-test", timeout: 0, onWait: {})
    }
  }
}
