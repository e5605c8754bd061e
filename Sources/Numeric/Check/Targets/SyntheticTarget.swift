import Bounds
import Foundation

/// A random element of the γ-smooth (or piecewise γ-smooth) class at its boundary (docs/check.md):
///
///     g(z) = Σ_{s : γ(s) ≤ T_max} Σ_{l ∈ block s} c_l ψ_l(z),   ‖δ_s g‖₂ = (Σ_{l∈s} c_l²)^{1/2} = 2^{−γ(s)}·w_s,
///
/// with `ψ_l(z) = ∏_k ψ_{l_k}(z_k)` the orthonormal trigonometric basis of `L²([0,1]^K)` and
/// `K = rows × columns` coordinates, coordinate `k = i·columns + j` having smoothness
/// `a_k = entries[k]`. γ-smooth class: `z_k = x_{t−i, j}`. Piecewise class: `z_k` is feature j of
/// the token of importance rank i in the window of V tokens (see `PiecewiseTokens`).
public struct SyntheticTarget: Sendable {
    /// The largest number of terms a target may have (evaluation cost grows with it).
    public static let maximumTermCount = 200_000
    /// The largest `Σ_k (2M_k + 1)` (M_k the highest frequency of coordinate k): the size of the
    /// per-row sin/cos tables.
    public static let maximumTableRows = 1 << 15

    /// Smoothness `a`: rows = relative positions (or importance ranks), columns = features.
    public let smoothness: Smoothness
    /// Mixed or anisotropic γ.
    public let gamma: GammaType
    /// γ-smooth or piecewise γ-smooth.
    public let functionClass: FunctionClass
    /// V: window of the piecewise class (unused by the γ-smooth class).
    public let window: Int
    /// Block weights `w_s`.
    public let weights: TargetWeights
    /// T_max actually used: every block with `γ(s) ≤ T_max` is in the target.
    public var level: Double
    /// The coefficients `c_l` in layout order (blocks ascending in `(γ(s), s)`).
    let coefficients: [Double]
    /// The target's blocks, ascending in `(γ(s), s)`: a prefix of `FourierBlocks.ascending`.
    let blocks: [FourierBlock]
    /// The compiled terms.
    let layout: TrigonometricLayout

    /// d seen by the networks: γ-smooth `columns`; piecewise `columns + 1` (the last feature is
    /// the key from which, with the first feature, the importance follows: `PiecewiseTokens`).
    public var tokenDimension: Int { functionClass == .piecewise ? smoothness.columns + 1 : smoothness.columns }
    /// t₀, the first position with a target: γ-smooth `rows − 1`; piecewise `V − 1`.
    public var firstTargetPosition: Int {
        Self.firstTargetPosition(functionClass: functionClass, window: window, rows: smoothness.rows)
    }

    /// t₀ for a class, window V and smoothness rows, without drawing a target (the report needs it
    /// for the projection risk's positions per sequence).
    public static func firstTargetPosition(functionClass: FunctionClass, window: Int, rows: Int) -> Int {
        functionClass == .piecewise ? window - 1 : rows - 1
    }
    /// K = rows × columns, the inputs of g.
    public var coordinateCount: Int { smoothness.rows * smoothness.columns }
    /// Number of trigonometric coefficients (all nonzero with probability one).
    public var termCount: Int { layout.termCount }
    /// `‖g‖₂² = Σ_l c_l²` (Parseval) `= Σ_s 4^{−γ(s)} w_s²`.
    public var squaredNorm: Double { coefficients.reduce(0) { $0 + $1 * $1 } }

    /// Draws the target: blocks with `γ(s) ≤ level` (exact comparison, see `LevelComparison`),
    /// i.i.d. normal coefficients per block (`RandomSource(seed:)`, blocks in ascending order)
    /// scaled to `‖δ_s g‖₂ = 2^{−γ(s)}·w_s`.
    /// - Throws: `CheckInputError` when the level is negative or not finite, the target would
    ///   have more than `maximumTermCount` terms or too high a frequency, or (piecewise) the
    ///   window is shorter than the smoothness has rows.
    public init(smoothness: Smoothness, gamma: GammaType, functionClass: FunctionClass,
                level: Double, window: Int, weights: TargetWeights = .unit, seed: UInt64) throws {
        guard level.isFinite, level >= 0 else {
            throw CheckInputError("target level T_max must be a finite number ≥ 0, got \(level)")
        }
        if functionClass == .piecewise, window < smoothness.rows {
            throw CheckInputError("piecewise window V = \(window) is shorter than the smoothness's \(smoothness.rows) rows (ranks): need V ≥ \(smoothness.rows)")
        }
        let comparison = LevelComparison(level)
        var selected: [FourierBlock] = []
        var terms = 0
        var tooMany = false
        FourierBlocks.ascending(entries: smoothness.entries, type: gamma) { block in
            guard comparison.includes(block) else { return false }
            terms += block.termCount
            if terms > Self.maximumTermCount { tooMany = true; return false }
            selected.append(block)
            return true
        }
        if tooMany {
            throw CheckInputError("target level T_max = \(level) gives more than \(Self.maximumTermCount) terms; use a lower --target-level or a smaller --max-terms")
        }
        let layout = TrigonometricLayout(blocks: selected.map(\.s), coordinateCount: smoothness.entries.count)
        if layout.tableRows > Self.maximumTableRows {
            throw CheckInputError("target level T_max = \(level) needs frequencies up to \(layout.maxFrequency.max() ?? 0), more than the tables hold; use a lower level")
        }
        var random = RandomSource(seed: seed)
        var coefficients: [Double] = []
        coefficients.reserveCapacity(layout.termCount)
        for block in selected {
            let draws = (0..<block.termCount).map { _ in random.normal() }
            let norm = draws.reduce(0) { $0 + $1 * $1 }.squareRoot()
            let scale = Foundation.exp2(-block.gammaValue) * weights.weight(block.s) / norm
            coefficients.append(contentsOf: draws.map { $0 * scale })
        }
        self.smoothness = smoothness
        self.gamma = gamma
        self.functionClass = functionClass
        self.window = window
        self.weights = weights
        self.level = level
        self.blocks = selected
        self.layout = layout
        self.coefficients = coefficients
    }

    /// The largest level `T_max ∈ {γ(s)}` whose target `{s : γ(s) ≤ T_max}` has at most
    /// `maxTerms` terms (`Σ_s 2^{Σ_k s_k}`), returned as the nearest `Double` of that γ (which
    /// `init` maps back to it exactly). Returns 0 (the constant alone) when `maxTerms < 1`.
    public static func defaultLevel(smoothness: Smoothness, gamma: GammaType, maxTerms: Int) -> Double {
        var best = 0.0
        var cumulative = 0
        var groupValue = 0.0
        FourierBlocks.ascending(entries: smoothness.entries, type: gamma) { block in
            if block.gammaValue != groupValue {
                // The group `groupValue` is complete.
                if cumulative <= maxTerms { best = groupValue }
                groupValue = block.gammaValue
            }
            cumulative += block.termCount
            return cumulative <= maxTerms
        }
        return best
    }

    /// The bias–variance profile (`CheckTargetLevel`): the empty basis, then for each distinct γ
    /// value g of the target's blocks the basis `{γ(s) ≤ g}` with its size and the energy of the
    /// blocks left out (from the drawn coefficients, Parseval).
    public func levelProfile() -> [CheckTargetLevel] {
        var profile = [CheckTargetLevel(gamma: -1, basisSize: 0, tailEnergy: squaredNorm)]
        var offset = 0, size = 0, captured = 0.0
        for (index, block) in blocks.enumerated() {
            for j in offset..<(offset + block.termCount) { captured += coefficients[j] * coefficients[j] }
            offset += block.termCount
            size += block.termCount
            let lastOfGroup = index + 1 == blocks.count || blocks[index + 1].gammaValue != block.gammaValue
            if lastOfGroup {
                profile.append(CheckTargetLevel(gamma: block.gammaValue, basisSize: size,
                                                tailEnergy: max(0, squaredNorm - captured)))
            }
        }
        return profile
    }

    /// g at each row of the row-major `rows × K` matrix `coordinates` (docs/check.md evaluation: per-row
    /// sin/cos tables by angle addition, chunks of rows on `parallelism.threads` threads; the result
    /// does not depend on it).
    public func evaluate(coordinates: [Double], rows: Int, parallelism: Parallelism = .serial) -> [Double] {
        layout.evaluate(coordinates: coordinates, rows: rows, coefficients: coefficients, team: ThreadTeam(parallelism))
    }
}
