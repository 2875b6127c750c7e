import ClusterSim
import Seeded

/// Draws the generators need, built only on `index(below:)` so they stay stable across
/// Swift versions (the standard library's `randomElement` is not guaranteed to be).
extension SeededGenerator {
    mutating func pick<T>(_ xs: [T]) -> T { xs[index(below: xs.count)] }

    /// True `percent` times in 100.
    mutating func chance(_ percent: Int) -> Bool { index(below: 100) < percent }

    /// A uniform integer in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int { range.lowerBound + index(below: range.count) }

    /// Up to `count` distinct elements of `xs` that satisfy `keep`, in a seeded order.
    mutating func some<T>(_ xs: [T], count: Int, where keep: (T) -> Bool = { _ in true }) -> [T] {
        var pool = xs.filter(keep)
        shuffle(&pool)
        return Array(pool.prefix(count))
    }
}
