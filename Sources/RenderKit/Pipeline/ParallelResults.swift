import Foundation

/// Results written by several threads, each into its own slot.
final class ParallelResults<T>: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [T?]

  init(count: Int) {
    slots = Array(repeating: nil, count: count)
  }

  func set(_ index: Int, _ value: T) {
    lock.withLock { slots[index] = value }
  }

  var values: [T] { lock.withLock { slots.compactMap { $0 } } }
}
