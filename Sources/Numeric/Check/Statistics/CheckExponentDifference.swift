/// r̂(SSM) − r̂(Transformer) (docs/check.md): NS24's claim is that SSMs attain the Transformers'
/// rate (TS23), so the difference should be 0 up to polylog factors.
///
/// The interval is a paired bootstrap over replicates: the same replicate of the same n
/// trained both estimators on the same data, so each resample draws, for every n, replicate
/// indices with replacement from those both estimators ran and uses them for both fits; the
/// interval is the 2.5% and 97.5% percentiles of the resampled differences.
public struct CheckExponentDifference: Sendable, Equatable {
    /// r̂(SSM) − r̂(Transformer), each from all its runs.
    public var difference: Double
    /// 95% paired-bootstrap interval; `nil` when no n has two paired replicates.
    public var interval: ClosedRange<Double>?
    /// `"paired bootstrap over seeds"` or `"none"`.
    public var intervalMethod: String
    /// Number of (n, replicate) pairs both estimators ran.
    public var pairs: Int

    /// `nil` unless both estimators have a fit.
    init?(ssm: CheckEstimatorSummary, transformer: CheckEstimatorSummary, bootstrapSamples: Int, seed: UInt64) {
        guard let ssmFit = ssm.fit, let transformerFit = transformer.fit else { return nil }
        difference = ssmFit.exponent - transformerFit.exponent
        // Keyed by (n, replicate) only: the same replicate of the same n has the same data for both.
        func usable(_ runs: [CheckRunRecord]) -> [CheckRunKey: Double] {
            var table: [CheckRunKey: Double] = [:]
            for run in runs where run.testMSE > 0 && run.testMSE.isFinite {
                let pair = CheckRunKey(estimator: .ssm, n: run.n, replicate: run.replicate)
                if table[pair] == nil { table[pair] = run.testMSE }
            }
            return table
        }
        let a = usable(ssm.runs), b = usable(transformer.runs)
        let common = Set(a.keys).intersection(b.keys).sorted()
        pairs = common.count
        let sizes = Array(Set(common.map(\.n))).sorted()
        let groups = sizes.map { n in
            let keys = common.filter { $0.n == n }
            return (n: n, series: [keys.map { a[$0]! }, keys.map { b[$0]! }])
        }
        if sizes.count >= 2, groups.contains(where: { $0.series[0].count >= 2 }), bootstrapSamples > 0 {
            let draws = PowerLawFit.bootstrapExponents(groups: groups, samples: bootstrapSamples, seed: seed).map { $0[0] - $0[1] }
            interval = PowerLawFit.percentileInterval(draws)
            intervalMethod = interval == nil ? "none" : "paired bootstrap over seeds"
        } else {
            interval = nil
            intervalMethod = "none"
        }
    }
}
