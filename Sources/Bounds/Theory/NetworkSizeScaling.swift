/// O22's network sizes at the level `T = c · log₂ n` of Theorem 10, expressed in n (CNN
/// only; needs q; docs/formulas.md, "Network sizes"):
///
/// - width `W ~ T^{1/q} 2^{T/a†}`  →  `n^{e} (log n)^{1/q}` (Thm 9)
/// - sparsity `S ~ T^{2/q} max{T^{2/q}, T²} 2^{T/a†}`  →  `n^{e} (log n)^{2/q + max(2/q, 2)}` (Thm 9)
/// - depth `L ~ max{T^{2/q}, T²}`  →  `(log n)^{max(2/q, 2)}` (Thm 9, ordinary CNN)
/// - filter width `W′ ~ T^{1/q}` and channels `C′ ~ T^{1/q}`  →  `(log n)^{1/q}` each
///
/// with `e = c/a† = 1/(2(a†−v)+1)` because `2^{T/a†} = n^{c/a†}`. For mixed smoothness the
/// width and sparsity carry the (real) constant `C_a` as well, which is not printed; the
/// norm bound `B ~ (√2)^{T^{1/q}}` is not a power of n or log n and is not printed either.
public struct NetworkSizeScaling: Sendable {
    /// `e = 1/(2(a†−v)+1)`, the polynomial growth in n of width and sparsity.
    public let polynomialExponent: CertifiedValue
    /// `1/q`: the log power of the width.
    public let widthLogExponent: Rational
    /// `2/q + max(2/q, 2)`: the log power of the sparsity.
    public let sparsityLogExponent: Rational
    /// `max(2/q, 2)`: the log power of the depth.
    public let depthLogExponent: Rational
    /// `1/q`: the log power of the filter width W′.
    public let filterWidthLogExponent: Rational
    /// `1/q`: the log power of the number of channels C′.
    public let channelsLogExponent: Rational

    /// Builds the scalings from a† (exact or enclosed), v and q > 0; `closedForm` is e's
    /// closed form when a† has one.
    public init(aDagger: CertifiedValue, v: Rational, q: Rational, closedForm: ClosedForm? = nil) {
        polynomialExponent = aDagger.mapDecreasing(closedForm: closedForm) { a in 1 / (2 * (a - v) + 1) }
        let inverse = 1 / q
        widthLogExponent = inverse
        depthLogExponent = Rational.maximum(2 / q, 2)
        sparsityLogExponent = 2 / q + depthLogExponent
        filterWidthLogExponent = inverse
        channelsLogExponent = inverse
    }
}
