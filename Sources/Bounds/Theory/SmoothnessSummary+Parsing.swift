extension SmoothnessSummary {
    /// The narrowest enclosure width a request may ask for, 10^−1000 (docs/limits.md): the
    /// enclosures of infinite families cost time and memory that grow with their precision.
    public static let narrowestEnclosureWidth = Rational(BigInt(1), BigInt.powerOfTen(1000))

    /// The enclosure width a request uses when it names none, 10^−30: thirty correct decimals,
    /// far more than any report prints (docs/limits.md).
    public static let defaultEnclosureWidth = Rational(BigInt(1), BigInt.powerOfTen(30))

    /// Reads a smoothness as the user writes it: a finite vector or matrix (`1,2,4`, `1,2;3,4`;
    /// ``Smoothness/parse(_:)``) or a sequence continued by an infinite family (`poly(c=1,q=2)`,
    /// `1,2,geom(c=4,r=2)`; ``SmoothnessSequence/parse(_:)``), whose infinite sums and limits
    /// are certified enclosures of width at most `enclosureWidth`.
    /// - Throws: ``RateRequestError`` for ``InputField/precision`` unless
    ///   10^−1000 ≤ `enclosureWidth` < 1 (checked first); then the parsers' errors.
    public init(parsing text: String, enclosureWidth: Rational = defaultEnclosureWidth) throws {
        guard enclosureWidth >= Self.narrowestEnclosureWidth, enclosureWidth < .one else {
            throw RateRequestError(field: .precision, rejected: enclosureWidth,
                                   expected: "a positive width with 1e-1000 ≤ width < 1")
        }
        self = SmoothnessSequence.looksLikeFamily(text)
            ? try SmoothnessSequence.parse(text).summary(width: enclosureWidth)
            : SmoothnessSummary(try Smoothness.parse(text))
    }
}

extension RateRequest {
    /// The function classes a request covers when the caller names none: both (γ-smooth and
    /// piecewise γ-smooth) when every architecture is asked for, so that the compact table
    /// of all architectures shows both; otherwise the γ-smooth class.
    public static func defaultFunctionClasses(for architectures: [Architecture]) -> [FunctionClass] {
        Set(architectures) == Set(Architecture.allCases) ? FunctionClass.allCases : [.gammaSmooth]
    }
}
