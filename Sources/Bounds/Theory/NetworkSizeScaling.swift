/// O22 Thm 9's network sizes at the level `T = c · log₂ n` of Thm 10, expressed in n
/// (CNN only; needs q):
///
/// - width `W ~ T^{1/q} 2^{T/a†}`  →  `n^{e} (log n)^{1/q}`
/// - sparsity `S ~ T^{2/q} max{T^{2/q}, T²} 2^{T/a†}`  →  `n^{e} (log n)^{2/q + max(2/q, 2)}`
/// - depth `L ~ max{T^{2/q}, T²}`  →  `(log n)^{max(2/q, 2)}`
///
/// with `e = c/a† = 1/(2(a†−v)+1)` because `2^{T/a†} = n^{c/a†}`. For mixed smoothness the
/// width and sparsity carry the (real) constant `C_a` as well, which is not printed.
public struct NetworkSizeScaling: Sendable {
    /// `e = 1/(2(a†−v)+1)`, the polynomial growth in n of width and sparsity.
    public let polynomialExponent: CertifiedValue
    /// `1/q`: the log power of the width.
    public let widthLogExponent: Rational
    /// `2/q + max(2/q, 2)`: the log power of the sparsity.
    public let sparsityLogExponent: Rational
    /// `max(2/q, 2)`: the log power of the depth.
    public let depthLogExponent: Rational

    /// Builds the scalings from a† (exact or enclosed), v and q > 0.
    public init(aDagger: CertifiedValue, v: Rational, q: Rational) {
        polynomialExponent = aDagger.mapDecreasing { a in try! (Rational.two * (a - v) + .one).reciprocal() }
        let inverse = try! q.reciprocal()
        widthLogExponent = inverse
        depthLogExponent = Rational.maximum(Rational.two * inverse, .two)
        sparsityLogExponent = Rational.two * inverse + depthLogExponent
    }
}
