/// Importances and ranking of the piecewise γ-smooth class (SPEC §5).
enum PiecewiseTokens {
    /// Importance of token t of a sequence: `(π(t mod V) + 0.5)/V + ε_t`, with π a random
    /// permutation of `0..<V` (one per sequence) and `ε_t` uniform in `±0.1/V`. Any V consecutive
    /// tokens get V distinct importances, pairwise at least `0.8/V` apart, all inside `(0, 1)`.
    static func importance(level: Int, window: Int, uniform: Double) -> Double {
        let v = Double(window)
        return (Double(level) + 0.5) / v + (2 * uniform - 1) * 0.1 / v
    }

    /// Positions of the window `t−V+1 … t` ordered by decreasing importance;
    /// `importanceOf(p)` gives the importance of position p.
    static func ranked(position t: Int, window: Int, importanceOf: (Int) -> Double) -> [Int] {
        Array((t - window + 1)...t).sorted { importanceOf($0) > importanceOf($1) }
    }
}
