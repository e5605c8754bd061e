import Foundation

/// Importances and ranking of the piecewise γ-smooth class (docs/targets-and-oracle.md,
/// "Piecewise class").
///
/// **Levels.** The importance of a token is one of `G = 8V` levels `μ_ℓ = (ℓ + ½)/G`,
/// `ℓ ∈ 0..<G`. Levels are drawn token by token: token t gets a level chosen uniformly among
/// those at least `minimumLevelGap = 2` levels away from the levels of the previous `V − 1`
/// tokens of its sequence. The previous tokens exclude at most `3(V − 1) < G` levels, so a
/// level always exists, and any V consecutive tokens have V distinct importances pairwise at
/// least `2/G = 1/(4V)` apart (the class's separation condition), all inside `(0, 1)`. There is
/// no positional pattern: the levels form a Markov chain, not a function of `t mod V`. The
/// exclusion leaves a weak dependence at lag exactly V (token t + V is the first that may come
/// close to token t's level again); G = 8V keeps it small — at V = 8 the top token of a window
/// sits V positions after the previous window's top token in ≈ 14–15 % of windows, against 1/V =
/// 12.5 % for independent importances (G = 4V gave ≈ 18–21 %).
///
/// **Importance as a function of the features.** The network does not see the importance
/// itself. The last feature of a token is a key `k ∈ (0, 1)` and the importance is the smooth
/// function of the token's observed features
///
///     μ(x) = k^{p(x₁)},   p(x₁) = 2^{2x₁ − 1} ∈ [½, 2],
///
/// with `x₁` the token's first content feature (one of g's inputs). The level is drawn first and
/// the key is solved from it, `k = μ^{1/p(x₁)}`; the content features stay i.i.d. `U[0, 1]` and
/// independent of the importances, so the inputs of g are uniform (Parseval holds for the
/// oracle). The target ranks by the drawn level; the importance recomputed from the stored
/// Float features differs from `μ_ℓ` by less than 1e-6, far below the gap, so it ranks the
/// same (checked in the tests).
public enum PiecewiseTokens {
    /// The smallest distance, in levels, between the levels of two tokens of one window.
    public static let minimumLevelGap = 2

    /// G = 8V: the number of importance levels for window V.
    public static func levelCount(window: Int) -> Int { 8 * window }

    /// `μ_ℓ = (ℓ + ½)/G`.
    public static func importance(level: Int, window: Int) -> Double {
        (Double(level) + 0.5) / Double(levelCount(window: window))
    }

    /// `p(x₁) = 2^{2x₁ − 1}`: the exponent that the first content feature puts on the key.
    static func exponent(firstFeature x1: Double) -> Double { Foundation.exp2(2 * x1 - 1) }

    /// `μ(x) = k^{p(x₁)}`: a token's importance from its key (last feature) and first feature.
    public static func importance(key: Double, firstFeature x1: Double) -> Double {
        Foundation.pow(key, exponent(firstFeature: x1))
    }

    /// `k = μ^{1/p(x₁)}`: the key that gives importance μ to a token whose first feature is x₁.
    static func key(importance mu: Double, firstFeature x1: Double) -> Double {
        Foundation.pow(mu, 1 / exponent(firstFeature: x1))
    }

    /// Draws the next level: uniform among `0..<G` at least `minimumLevelGap` from every level
    /// of `previous` (the levels of the up to V − 1 tokens before it). One `random.next()`.
    static func nextLevel(after previous: ArraySlice<Int>, window: Int, random: inout RandomSource) -> Int {
        let count = levelCount(window: window)
        var free = [Bool](repeating: true, count: count)
        for level in previous {
            for l in max(0, level - minimumLevelGap + 1)...min(count - 1, level + minimumLevelGap - 1) { free[l] = false }
        }
        let allowed = free.indices.filter { free[$0] }
        return allowed[Int(random.next() % UInt64(allowed.count))]
    }

    /// Positions of the window `t−V+1 … t` ordered by decreasing importance;
    /// `importanceOf(p)` gives the importance (or level) of position p.
    static func ranked<Value: Comparable>(position t: Int, window: Int, importanceOf: (Int) -> Value) -> [Int] {
        Array((t - window + 1)...t).sorted { importanceOf($0) > importanceOf($1) }
    }
}
