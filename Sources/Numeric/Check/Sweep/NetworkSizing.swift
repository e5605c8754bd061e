import Foundation

/// The width of the neural estimators at sample size n (`check --size`, docs/check.md "Network size").
///
/// `.fixed`: D = `settings.width`, FNN hidden width 2·D. `.theory`: the theorems' network classes
/// grow with n (O22 Thm 9, NS24, TS23: width ∝ 2^{T/a†} up to polylog at the level
/// T(n) = a†/(2a†+1)·log₂ N, i.e. proportional to the number of basis functions `P(T(n))` the
/// estimator must represent). The engine's parameter count is ≈ quadratic in D, so
/// `D(n) = D·√(P(T(n)) / P(T(n_min)))`, rounded to a multiple of 4 (the attention heads), at
/// least 4: the parameter count is proportional to P(T(n)), with the constant fixed by the
/// default network at the smallest n.
struct NetworkSizing {
    let settings: CheckSettings
    let target: SyntheticTarget
    /// a†/(2a†+1), the coefficient of the theory's level T(N) = coefficient · log₂ N.
    let levelCoefficient: Double

    /// Positions with a target per training sequence (N = n · this).
    var positionsPerSequence: Int { settings.length - target.firstTargetPosition }

    /// `P(T(n))`: the number of basis functions with γ(s) < T(N), N = n · positions per sequence.
    func basisSize(n: Int) -> Int {
        let level = levelCoefficient * Foundation.log2(Double(n * positionsPerSequence))
        return OracleBasis.fixed(target: target, level: level).candidates[0].size
    }

    /// (D, hidden width) at n.
    func width(n: Int) -> (width: Int, hidden: Int) {
        switch settings.size {
        case .fixed:
            return (settings.width, 2 * settings.width)
        case .theory:
            let reference = max(1, basisSize(n: settings.sampleSizes.first ?? n))
            let scale = (Double(max(1, basisSize(n: n))) / Double(reference)).squareRoot()
            let width = max(4, Int((Double(settings.width) * scale / 4).rounded()) * 4)
            return (width, 2 * width)
        }
    }
}
