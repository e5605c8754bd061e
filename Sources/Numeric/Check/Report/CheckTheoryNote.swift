import Bounds

extension CheckEstimator {
    /// What the theory exponent r means for this estimator in a check of `functionClass`
    /// (docs/check.md, "The CNN"), or `nil` when the report's header says it already (ssm and
    /// transformer: NS24 and TS23 cover both classes up to polylog; fnn and the oracle are
    /// measured against r as references).
    ///
    /// For `cnn` the note comes from `Theorem.covering`: on the γ-smooth class O22's
    /// Theorem 10 (ordinary CNN) or Theorem 14 (dilated CNN) states r with its polylog factor
    /// (log n)^κ, κ = 2/q + 2 + max(4/q, 4) (`RateFormulas.cnnLogExponent`, exact when q is
    /// given); on the piecewise class no theorem covers the CNN and it is a
    /// fixed-receptive-field baseline like `fnn` (no token-selection mechanism).
    public func theoryNote(functionClass: FunctionClass, gamma: GammaType, q: Rational? = nil) -> String? {
        guard self == .cnn else { return nil }
        guard let theorem = Theorem.covering(architecture: Architecture.cnn, functionClass: functionClass, gamma: gamma) else {
            return "no theorem covers the CNN on the \(functionClass.rawValue) class (O22 treats fixed, position-dependent smoothness only): "
                + "like fnn it is a fixed-receptive-field baseline: it sees the last 2^C ≥ V tokens at fixed offsets and has no token-selection mechanism (attention, gating), so any ranking by importance must be computed by its filters; r is shown for reference"
        }
        let polylog: String
        if let q {
            let kappa = RateFormulas.cnnLogExponent(q: q)
            polylog = "polylog factor (log n)^κ with κ = 2/q + 2 + max(4/q, 4) = \(kappa) ≈ \(kappa.decimalString(significantDigits: 6)) at q = \(q)"
        } else {
            polylog = "polylog factor (log n)^κ with κ = 2/q + 2 + max(4/q, 4) for the smoothness's weak-ℓ^q exponent q (ratecalc --arch cnn --q Q)"
        }
        return "r is \(theorem.source.key)'s rate for the CNN, \(theorem.name), provenance \(theorem.provenance.rawValue), \(polylog); "
            + "the cnn here is the dilated variant (depth ∝ log of the receptive field)"
    }
}
