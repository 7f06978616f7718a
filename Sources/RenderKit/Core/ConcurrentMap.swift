import Dispatch

/// Maps an array on every core with structured concurrency, keeping the order.
extension Array where Element: Sendable {
  /// - Parameter chunks: how many tasks to split the work into; more than the cores, so a
  ///   slow chunk does not leave the others idle.
  func concurrentMap<T: Sendable>(
    chunks: Int = 16, _ transform: @escaping @Sendable (Element) -> T
  ) async -> [T] {
    guard count > 1 else { return map(transform) }
    let size = Swift.max(1, (count + chunks - 1) / chunks)
    return await withTaskGroup(of: (Int, [T]).self, returning: [T].self) { group in
      for start in stride(from: 0, to: count, by: size) {
        let slice = Array(self[start..<Swift.min(start + size, count)])
        group.addTask { (start, slice.map(transform)) }
      }
      var parts: [(Int, [T])] = []
      for await part in group { parts.append(part) }
      return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
    }
  }
}

extension Array where Element: Sendable {
  /// The synchronous counterpart of `concurrentMap`, for stages that are not async
  /// (parsing): every element on its own iteration of `concurrentPerform`.
  func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
    guard count > 1 else { return map(transform) }
    let results = ParallelResults<T>(count: count)
    let elements = self
    DispatchQueue.concurrentPerform(iterations: count) { index in
      results.set(index, transform(elements[index]))
    }
    return results.values
  }
}
