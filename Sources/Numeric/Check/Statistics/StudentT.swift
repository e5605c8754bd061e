/// Quantiles of Student's t distribution for the OLS t-interval of ``PowerLawFit``.
enum StudentT {
    /// `t_{0.975, df}` for df = 1…30, to 4 decimals (standard tables).
    static let table975: [Double] = [
        12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.3060, 2.2622, 2.2281,
        2.2010, 2.1788, 2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.0930, 2.0860,
        2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423,
    ]

    /// The 97.5% quantile of t with `df` degrees of freedom: the table for df ≤ 30, else the
    /// Cornish–Fisher expansion `z + (z³+z)/(4df) + (5z⁵+16z³+3z)/(96df²)` around
    /// `z = 1.959964` (error < 1e-4 for df > 30).
    static func quantile975(degreesOfFreedom df: Int) -> Double {
        precondition(df >= 1, "a t quantile needs at least one degree of freedom")
        if df <= table975.count { return table975[df - 1] }
        let z = 1.959963984540054, v = Double(df)
        let z3 = z * z * z, z5 = z3 * z * z
        return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
    }
}
