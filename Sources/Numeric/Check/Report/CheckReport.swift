import Bounds

/// The result of `ratecalc check` after the runs (docs/check.md, docs/json-schema.md): per-estimator tables,
/// power-law fits with 95% intervals, verdicts against the theory exponent r, the
/// SSM − Transformer exponent difference, and the renderings (text, JSON, Markdown, LaTeX,
/// CSV, SVG).
///
/// A pure function of its inputs: the records are put in canonical order first and every
/// bootstrap is seeded from `settings.seed`, so the same records give byte-identical
/// output whatever their order and however they were sharded.
public struct CheckReport: Sendable {
    /// The sweep's settings.
    public let settings: CheckSettings
    /// The smoothness, parsed.
    public let smoothness: Smoothness
    /// The exact theory exponent r (docs/formulas.md).
    public let theoryRate: Rational
    /// The synthetic target.
    public let target: CheckTargetSummary
    /// All runs in canonical order: estimator (settings order, then any others in
    /// `CheckEstimator.allCases` order), n, replicate index.
    public let records: [CheckRunRecord]
    /// Resamples per bootstrap.
    public let bootstrapSamples: Int
    /// The polylog band `[r − K/ln n̄, r]`.
    public let logBand: CheckLogBand
    /// One summary per estimator that has runs or is in the settings, in report order.
    public let summaries: [CheckEstimatorSummary]
    /// r̂(SSM) − r̂(Transformer) with a paired-bootstrap interval; `nil` unless both fit.
    public let difference: CheckExponentDifference?
    /// The oracle's runs at every size, the extension below n-min included (what c(n) is read from).
    public let oracleCurve: [CheckSizeRow]
    /// The ideal projection risk R(n) of the target (`nil` without a target profile).
    public let projectionRisk: ProjectionRisk?
    /// The machines the runs ran on (``CheckMachine``; empty when unknown, e.g. old shard files).
    public var machines: [CheckMachine] = []

    /// Builds the report: sorts the records canonically, fits every estimator and
    /// classifies it (docs/check.md).
    public init(settings: CheckSettings, smoothness: Smoothness, theoryRate: Rational,
                target: CheckTargetSummary, records: [CheckRunRecord], bootstrapSamples: Int = 2000) {
        self.settings = settings
        self.smoothness = smoothness
        self.theoryRate = theoryRate
        self.target = target
        self.bootstrapSamples = bootstrapSamples
        let order = CheckReport.estimatorOrder(settings: settings, records: records)
        let sorted = CheckReport.canonicalOrder(records, estimators: order)
        self.records = sorted
        let fitted = Set(settings.sampleSizes)
        let band = CheckLogBand(theory: theoryRate.doubleValue, k: settings.logBand, sampleSizes: settings.sampleSizes)
        logBand = band
        let oracleRuns = sorted.filter { $0.estimator == .oracle && !$0.noiseless }
        let risk = ProjectionRisk(levels: target.levels, noise: settings.noise,
                                  positionsPerSequence: settings.length - SyntheticTarget.firstTargetPosition(
                                      functionClass: settings.functionClass, window: settings.window, rows: smoothness.rows))
        summaries = order.map { estimator in
            let salt = Int(estimator.seedSalt)
            let runs = sorted.filter { $0.estimator == estimator && fitted.contains($0.n) && !$0.noiseless }
            let floor = sorted.first { $0.estimator == estimator && $0.noiseless }
                .map { CheckApproximationFloor(floorRun: $0, noisyRuns: runs) }
            let efficiency = estimator == .oracle || oracleRuns.isEmpty ? nil
                : CheckEfficiency(network: runs, oracle: oracleRuns, sizes: settings.sampleSizes, risk: risk,
                                  bootstrapSamples: bootstrapSamples, seed: CheckReport.bootstrapSeed(settings.seed, salt: 200 + salt))
            return CheckEstimatorSummary(estimator: estimator, runs: runs, theory: theoryRate, band: band,
                                         bootstrapSamples: bootstrapSamples,
                                         seed: CheckReport.bootstrapSeed(settings.seed, salt: salt),
                                         noise: settings.noise, efficiency: efficiency, floor: floor)
        }
        oracleCurve = Array(Set(oracleRuns.map(\.n))).sorted().map { n in CheckSizeRow(n: n, records: oracleRuns.filter { $0.n == n }) }
        projectionRisk = risk
        if let ssm = summaries.first(where: { $0.estimator == .ssm }),
           let transformer = summaries.first(where: { $0.estimator == .transformer }) {
            difference = CheckExponentDifference(ssm: ssm, transformer: transformer, bootstrapSamples: bootstrapSamples,
                                                 seed: CheckReport.bootstrapSeed(settings.seed, salt: 100))
        } else {
            difference = nil
        }
    }

    /// Runs the settings ask for: every estimator × n × replicate `0..<seeds` (`CheckPlan`).
    public var expectedRuns: Int { CheckPlan(settings: settings).runs.count }

    /// How many (estimator, n, replicate) of the settings have no record.
    public var missingRuns: Int {
        let present = Set(records.map(\.key))
        return CheckPlan(settings: settings).runs.filter { !present.contains($0) }.count
    }

    /// Whether every (estimator, n, replicate) of the settings has a record.
    public var isComplete: Bool { missingRuns == 0 }

    /// Whether every estimator's verdict is `consistent`: what `--strict` requires for exit status 0.
    public var isConsistent: Bool { verdicts().values.allSatisfy { $0 == .consistent } }

    /// The verdict of every estimator in the report.
    public func verdicts() -> [CheckEstimator: CheckVerdict] {
        Dictionary(uniqueKeysWithValues: summaries.map { ($0.estimator, $0.verdict) })
    }

    /// What r means for `estimator` in this report's class (`CheckEstimator.theoryNote`; cnn only).
    public func theoryNote(_ estimator: CheckEstimator) -> String? {
        estimator.theoryNote(functionClass: settings.functionClass, gamma: settings.gamma, q: try? settings.parsedCNNQ(),
                             geometricMeanN: logBand.geometricMeanN, rate: theoryRate)
    }

    /// The summary of one estimator, if it is in the report.
    public func summary(of estimator: CheckEstimator) -> CheckEstimatorSummary? {
        summaries.first { $0.estimator == estimator }
    }

    /// Settings' estimators first, in their order, then any other estimator with records.
    static func estimatorOrder(settings: CheckSettings, records: [CheckRunRecord]) -> [CheckEstimator] {
        var order: [CheckEstimator] = []
        for estimator in settings.estimators where !order.contains(estimator) { order.append(estimator) }
        for estimator in CheckEstimator.allCases where !order.contains(estimator) && records.contains(where: { $0.estimator == estimator }) {
            order.append(estimator)
        }
        return order
    }

    /// Sorts by (estimator rank, n, replicate), breaking remaining ties by the measured
    /// values so that even duplicate keys sort the same way whatever the input order.
    static func canonicalOrder(_ records: [CheckRunRecord], estimators: [CheckEstimator]) -> [CheckRunRecord] {
        func rank(_ e: CheckEstimator) -> Int { estimators.firstIndex(of: e) ?? estimators.count }
        func detailsKey(_ r: CheckRunRecord) -> String {
            r.details.keys.sorted().map { "\($0)=\(r.details[$0]!)" }.joined(separator: ",")
        }
        return records.sorted { a, b in
            if rank(a.estimator) != rank(b.estimator) { return rank(a.estimator) < rank(b.estimator) }
            if a.n != b.n { return a.n < b.n }
            if a.replicate != b.replicate { return a.replicate < b.replicate }
            if a.testMSE != b.testMSE { return a.testMSE < b.testMSE }
            if a.seconds != b.seconds { return a.seconds < b.seconds }
            return detailsKey(a) < detailsKey(b)
        }
    }

    /// A bootstrap stream per purpose, derived from the master seed by a Weyl step, so that
    /// estimators do not share draws.
    static func bootstrapSeed(_ seed: UInt64, salt: Int) -> UInt64 {
        seed ^ (UInt64(salt + 1) &* 0x9E37_79B9_7F4A_7C15)
    }
}
