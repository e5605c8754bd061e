extension RateReport {
    /// The one value an inline quotation needs (`ratecalc value`, docs/notes.md): `quantity` of
    /// the report's only result, e.g. the rate exponent r = 8/15 of anisotropic γ on SSMs.
    /// - Throws: ``RateValueError`` unless the request selected exactly one result (one γ type,
    ///   one architecture, one function class) and `quantity` is defined for it.
    public func onlyValue(of quantity: RateQuantityName) throws -> CertifiedValue {
        guard results.count == 1, let result = results.first else {
            throw RateValueError.notOneResult(count: results.count)
        }
        guard let value = result.value(of: quantity) else { throw RateValueError.undefined(quantity, result) }
        return value
    }
}

/// Why a report has no single value to quote (``RateReport/onlyValue(of:)``), as one line.
public enum RateValueError: InputFieldError {
    /// The request selected `count` results, not one.
    case notOneResult(count: Int)
    /// The quantity is undefined for the only result (no rate when a† ≤ v or no theorem covers
    /// the pair; ã for mixed γ); the result's first note says why.
    case undefined(RateQuantityName, RateResult)

    /// The selection: γ types, then architectures and classes.
    public var field: InputField {
        switch self {
        case .notOneResult: .gamma
        case .undefined: .architecture
        }
    }

    /// `the options select 4 results; give one --gamma (mixed or anisotropic), one --arch and one
    /// --class` or `a-tilde is undefined for SSM, mixed γ, gamma-smooth class (…)`.
    public func message(naming name: (InputField) -> String) -> String {
        switch self {
        case .notOneResult(let count):
            "the options select \(count) results; give one \(name(.gamma)) (mixed or anisotropic), one \(name(.architecture)) and one \(name(.functionClass))"
        case .undefined(let quantity, let result):
            "\(quantity.rawValue) is undefined for \(result.architecture.displayName), \(result.gamma.rawValue) γ, \(result.functionClass.rawValue) class"
                + (result.notes.first.map { " (\($0))" } ?? "")
        }
    }
}
