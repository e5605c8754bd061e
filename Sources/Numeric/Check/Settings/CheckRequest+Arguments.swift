import Bounds

extension FunctionClass {
    /// The class's spelling in `check --class`: `gamma` or `piecewise`.
    public var checkArgument: String { self == .gammaSmooth ? "gamma" : "piecewise" }
}

extension CheckRequest {
    /// The `ratecalc check` arguments that give this request: `--smoothness S`, the request's own
    /// fields that differ from their defaults, then every other setting that does, in the settings
    /// table's order (``CheckSettings/fields``), each as its flag (``CheckField/flag``) and value. Numbers are written so that they read back exactly (Swift's shortest
    /// round-trip form); `ratecalc plan` puts these into the scripts its shards run.
    public func commandLineArguments() -> [String] {
        let defaults = CheckRequest(smoothness: smoothness)
        var arguments = [CheckField.smoothness.flag, smoothness]
        func add<Value: Equatable>(_ field: CheckField, _ value: Value, _ standard: Value, _ text: (Value) -> String?) {
            guard value != standard, let written = text(value) else { return }
            arguments += [field.flag, written]
        }
        add(.estimators, estimators, defaults.estimators) { $0?.argumentText }
        add(.nMin, nMin, defaults.nMin) { $0.argumentText }
        add(.nMax, nMax, defaults.nMax) { $0.argumentText }
        add(.points, points, defaults.points) { $0.argumentText }
        add(.windows, windows, defaults.windows) { $0.argumentText }
        add(.targetLevel, targetLevel, defaults.targetLevel) { $0?.argumentText }
        add(.maxTerms, maxTerms, defaults.maxTerms) { $0.argumentText }
        add(.depth, depth, defaults.depth) { $0?.argumentText }
        add(.mixing, mixing, defaults.mixing) { $0?.rawValue }
        add(.cnnQ, cnnQ, defaults.cnnQ) { $0?.description }
        return arguments + options.arguments(against: defaults.options)
    }
}
