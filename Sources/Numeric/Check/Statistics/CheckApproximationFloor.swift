/// A network's approximation floor (docs/check.md, "Approximation floor"): the test MSE it reaches
/// when trained the same way on **noiseless** labels at the largest n, beside the mean test MSE of
/// its noisy runs at that n.
///
/// The floor is what the network can represent and find at this size and budget with no noise to
/// average out. Noisy errors far above it are statistical (more data helps, the slope measures
/// learning); noisy errors near it are limited by the network itself, so the slope at large n
/// measures the floor, not a rate. "Near" is within ``nearFactor`` of the floor.
public struct CheckApproximationFloor: Sendable, Equatable {
    /// n of the floor run (the largest of the grid).
    public var n: Int
    /// Test MSE of the noiseless run.
    public var floorMSE: Double
    /// Mean test MSE of the noisy runs at the same n (nil without them).
    public var noisyMeanMSE: Double?

    /// Noisy errors within this factor of the floor count as limited by it.
    public static let nearFactor = 2.0

    /// The floor from an estimator's noiseless run and its noisy runs at that n.
    init(floorRun: CheckRunRecord, noisyRuns: [CheckRunRecord]) {
        n = floorRun.n
        floorMSE = floorRun.testMSE
        let atN = noisyRuns.filter { $0.n == floorRun.n }.map(\.testMSE)
        noisyMeanMSE = atN.isEmpty ? nil : atN.reduce(0, +) / Double(atN.count)
    }

    /// Noisy mean over floor (nil when either is missing or the floor is not positive).
    public var ratio: Double? {
        guard let noisyMeanMSE, floorMSE > 0, floorMSE.isFinite else { return nil }
        return noisyMeanMSE / floorMSE
    }

    /// Whether the noisy error at the largest n is within ``nearFactor`` of the floor.
    public var limitsFit: Bool { (ratio ?? .infinity) < Self.nearFactor }

    /// e.g. `noiseless test MSE 0.0123 at n = 16384 (noisy runs: 0.0461, 3.75× the floor)`.
    public var summary: String {
        var text = "noiseless test MSE \(CheckNumberFormat.short(floorMSE)) at n = \(n)"
        if let noisyMeanMSE, let ratio {
            text += " (noisy runs: \(CheckNumberFormat.short(noisyMeanMSE)), \(CheckNumberFormat.short(ratio))× the floor)"
        }
        if limitsFit {
            text += "; the noisy error is within \(CheckNumberFormat.short(Self.nearFactor))× of it: at large n the fit measures the floor (what the network represents and finds at this size), not learning from more data"
        }
        return text
    }
}
