import Foundation
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
    ///
    /// With q and the sweep's geometric-mean n̄, the note also says how far the polylog factor
    /// bends the stated bound at this grid: d ln[n^(−r)(log n)^κ]/d ln n = −(r − κ/ln n), so the
    /// bound's local decay exponent at n̄ is r − κ/ln n̄ (a float, for reading, like the log band).
    public func theoryNote(functionClass: FunctionClass, gamma: GammaType, q: Rational? = nil,
                           geometricMeanN: Double? = nil, rate: Rational? = nil) -> String? {
        guard case .coveringTheorem(let architecture) = descriptor.theory else { return nil }
        guard let theorem = Theorem.covering(architecture: architecture, functionClass: functionClass, gamma: gamma) else {
            return "no theorem covers the CNN on the \(functionClass.rawValue) class (O22 treats fixed, position-dependent smoothness only): "
                + "like fnn it is a fixed-receptive-field baseline: it sees the last 2^C ≥ V tokens at fixed offsets and has no token-selection mechanism (attention, gating), so any ranking by importance must be computed by its filters; r is shown for reference"
        }
        var polylog: String
        if let q {
            let kappa = RateFormulas.cnnLogExponent(q: q)
            polylog = "polylog factor (log n)^κ with κ = 2/q + 2 + max(4/q, 4) = \(kappa) ≈ \(kappa.decimalString(significantDigits: 6)) at q = \(q)"
            if let n = geometricMeanN, n > 1, let rate {
                let bend = kappa.doubleValue / Foundation.log(n)
                polylog += String(format: " (at n̄ = %.0f the bound's local decay exponent is r − κ/ln n̄ = %.3f − %.3f = %.3f%@)", n, rate.doubleValue, bend,
                                  rate.doubleValue - bend, rate.doubleValue - bend <= 0 ? ": on this grid the stated bound still grows with n" : "")
            }
        } else {
            polylog = "polylog factor (log n)^κ with κ = 2/q + 2 + max(4/q, 4) for the smoothness's weak-ℓ^q exponent q (give q to see κ)"
        }
        return "r is \(theorem.source.key)'s rate for the CNN, \(theorem.name), provenance \(theorem.provenance.rawValue), \(polylog); "
            + "the cnn here is the dilated variant (depth ∝ log of the receptive field)"
    }
}
