import Bounds

extension FunctionClass {
    /// The class's spelling in `check --class`: `gamma` or `piecewise`.
    public var checkArgument: String { self == .gammaSmooth ? "gamma" : "piecewise" }
}

extension CheckRequest {
    /// The `ratecalc check` arguments that give this request: `--smoothness S`, then the flag
    /// (``CheckField/flag``) and value of every field that differs from its default, in
    /// ``CheckField`` order. Numbers are written so that they read back exactly (Swift's shortest
    /// round-trip form); `ratecalc plan` puts these into the scripts its shards run.
    public func commandLineArguments() -> [String] {
        let defaults = CheckRequest(smoothness: smoothness)
        var arguments = [CheckField.smoothness.flag, smoothness]
        func add<Value: Equatable>(_ field: CheckField, _ value: Value, _ standard: Value, _ text: (Value) -> String?) {
            guard value != standard, let written = text(value) else { return }
            arguments += written.isEmpty ? [field.flag] : [field.flag, written]
        }
        func list<Element>(_ values: [Element], _ text: (Element) -> String) -> String { values.map(text).joined(separator: ",") }
        add(.gamma, gamma, defaults.gamma) { $0.rawValue }
        add(.functionClass, functionClass, defaults.functionClass) { $0.checkArgument }
        add(.estimators, estimators, defaults.estimators) { $0.map { list($0, \.rawValue) } }
        add(.seeds, seeds, defaults.seeds) { "\($0)" }
        add(.seed, seed, defaults.seed) { "\($0)" }
        add(.noise, noise, defaults.noise) { "\($0)" }
        add(.length, length, defaults.length) { "\($0)" }
        add(.width, width, defaults.width) { "\($0)" }
        add(.epochs, epochs, defaults.epochs) { "\($0)" }
        add(.windows, windows, defaults.windows) { list($0) { "\($0)" } }
        add(.patience, patience, defaults.patience) { "\($0)" }
        add(.size, size, defaults.size) { $0.rawValue }
        add(.weights, weights, defaults.weights) { $0.rawValue }
        add(.depth, depth, defaults.depth) { $0.map { "\($0)" } }
        add(.minSteps, minSteps, defaults.minSteps) { "\($0)" }
        add(.testSequences, testSequences, defaults.testSequences) { "\($0)" }
        add(.targetLevel, targetLevel, defaults.targetLevel) { $0.map { "\($0)" } }
        add(.logBand, logBand, defaults.logBand) { "\($0)" }
        add(.oracleSizesBelow, oracleSizesBelow, defaults.oracleSizesBelow) { "\($0)" }
        add(.maxTerms, maxTerms, defaults.maxTerms) { "\($0)" }
        add(.oracleLevel, oracleLevel, defaults.oracleLevel) { $0.rawValue }
        add(.preFeedForward, preFeedForward, defaults.preFeedForward) { $0 ? nil : "" }
        add(.floor, floor, defaults.floor) { $0 ? nil : "" }
        add(.nMin, nMin, defaults.nMin) { "\($0)" }
        add(.nMax, nMax, defaults.nMax) { "\($0)" }
        add(.points, points, defaults.points) { "\($0)" }
        add(.cnnQ, cnnQ, defaults.cnnQ) { $0.map(\.description) }
        add(.learningRates, learningRates, defaults.learningRates) { list($0) { "\($0)" } }
        return arguments
    }
}
