import Synchronization

/// Results written by several threads, each into its own slot.
final class ParallelResults<T: Sendable>: Sendable {
  private let slots: Mutex<[T?]>

  init(count: Int) {
    slots = Mutex(Array(repeating: nil, count: count))
  }

  func set(_ index: Int, _ value: T) {
    slots.withLock { $0[index] = value }
  }

  var values: [T] { slots.withLock { $0.compactMap { $0 } } }
}
