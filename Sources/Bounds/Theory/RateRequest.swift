/// What the user asks the theory for (README.md `ratecalc rate`), validated.
public struct RateRequest: Sendable {
    /// The smoothness, summarized (smallest entries, `Σ 1/a_k`, exact or enclosed).
    public let smoothness: SmoothnessSummary
    /// The γ types to evaluate, in report order.
    public let gammas: [GammaType]
    /// The architectures to evaluate, in report order.
    public let architectures: [Architecture]
    /// The function classes to evaluate, in report order.
    public let functionClasses: [FunctionClass]
    /// Integrability index p (nil: not given, meaning p ≥ 2 and v = 0). Must be ≥ 1.
    public let p: Rational?
    /// O22's q (decay of the smoothness; CNN polylog exponent). Must be > 0.
    public let q: Rational?
    /// Sample size at which to evaluate the bound. Must be > 1.
    public let n: Rational?
    /// A user-supplied polylog exponent k for `(log n)^k`.
    public let logExponent: Rational?

    /// - Throws: ``RateRequestError`` naming the bad value and what was expected.
    public init(smoothness: SmoothnessSummary, gammas: [GammaType], architectures: [Architecture],
                functionClasses: [FunctionClass], p: Rational? = nil, q: Rational? = nil,
                n: Rational? = nil, logExponent: Rational? = nil) throws {
        if let p, p < .one {
            throw RateRequestError(field: .p, rejected: p, expected: "p ≥ 1 (an L^p integrability index)")
        }
        if let q, q.signum <= 0 {
            throw RateRequestError(field: .q, rejected: q, expected: "q > 0")
        }
        if let n, n <= .one {
            throw RateRequestError(field: .n, rejected: n, expected: "a sample size n > 1")
        }
        if let logExponent, logExponent.signum < 0 {
            throw RateRequestError(field: .logExponent, rejected: logExponent, expected: "k ≥ 0")
        }
        self.smoothness = smoothness
        self.gammas = gammas
        self.architectures = architectures
        self.functionClasses = functionClasses
        self.p = p
        self.q = q
        self.n = n
        self.logExponent = logExponent
    }
}

/// A value the theory cannot use, as one line: `p 0: expected p ≥ 1 …` (the CLI writes
/// the field as its flag, `--p 0: …`).
public struct RateRequestError: InputFieldError, Equatable {
    /// The input, e.g. ``InputField/p``.
    public let field: InputField
    /// The value given.
    public let value: String
    /// What would have been accepted.
    public let expected: String
    /// One line: `<field> <value>: expected <expected>`.
    public func message(naming name: (InputField) -> String) -> String { "\(name(field)) \(value): expected \(expected)" }
}

extension RateRequestError {
    /// An error about the exact value `value` of `field`, written short enough for one line: as a
    /// fraction when that has at most 24 characters, else in 10 significant digits (`1e-1001`),
    /// marked `≈` when those are not exact.
    init(field: InputField, rejected value: Rational, expected: String) {
        var text = value.description
        if text.count > 24 {
            let decimal = value.decimalString(significantDigits: 10)
            text = (try? Rational(parsing: decimal)) == value ? decimal : "≈ " + decimal
        }
        self.init(field: field, value: text, expected: expected)
    }
}
