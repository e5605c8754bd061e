import Foundation

/// The oracle's error curve as a function of n, for reading off oracle-equivalent sample sizes
/// (docs/check.md, "Efficiency against the oracle").
///
/// Points `(ln n_j, mean_r ln MSE_{j,r})` over the oracle's sizes (its fitted grid and the
/// extension below n-min), made non-increasing by a running minimum from small to large n (more
/// data never has to hurt: the oracle at n could use the fit of a smaller n), and interpolated
/// linearly in `(ln n, ln MSE)`.
struct OracleCurve {
    /// ln n, ascending.
    let logN: [Double]
    /// The non-increasing envelope of the mean ln MSE at each size.
    let envelope: [Double]

    /// The curve through `groups` (size, that size's oracle MSEs); `nil` without 2 sizes with
    /// positive finite MSEs.
    init?(groups: [(n: Int, mse: [Double])]) {
        let usable = groups.map { ($0.n, $0.mse.filter { $0 > 0 && $0.isFinite }) }.filter { !$0.1.isEmpty }
            .sorted { $0.0 < $1.0 }
        guard usable.count >= 2 else { return nil }
        logN = usable.map { Foundation.log(Double($0.0)) }
        var running = Double.infinity
        envelope = usable.map { group in
            let mean = group.1.map { Foundation.log($0) }.reduce(0, +) / Double(group.1.count)
            running = min(running, mean)
            return running
        }
    }

    /// Where the curve reaches `ln mse`.
    enum Crossing: Equatable {
        /// At `ln n_eq` inside the sampled range.
        case inside(Double)
        /// Above the curve at its smallest n: n_eq is below the smallest oracle size.
        case belowRange
        /// Below the curve at its largest n: n_eq is beyond the largest oracle size.
        case aboveRange
    }

    /// The smallest n (log) at which the envelope is ≤ `logMSE`, by linear interpolation.
    func crossing(logMSE y: Double) -> Crossing {
        if y > envelope[0] { return .belowRange }
        if y == envelope[0] { return .inside(logN[0]) }
        guard let j = envelope.firstIndex(where: { $0 <= y }) else { return .aboveRange }
        let t = (envelope[j - 1] - y) / (envelope[j - 1] - envelope[j])
        return .inside(logN[j - 1] + t * (logN[j] - logN[j - 1]))
    }

    /// The smallest and largest oracle size (log).
    var range: ClosedRange<Double> { logN.first!...logN.last! }
}
