/// An input of a theory request. Library errors name the input by field, never by a
/// front end's spelling of it; each front end maps fields to its own names (the CLI maps
/// them to its flags, docs/library.md "Errors").
public enum InputField: String, Sendable, CaseIterable {
    /// The smoothness text (finite entries or a family).
    case smoothness
    /// The γ types (mixed, anisotropic).
    case gamma
    /// The architectures (ssm, transformer, cnn).
    case architecture
    /// The function classes (γ-smooth, piecewise γ-smooth).
    case functionClass
    /// The integrability index p of the L^p norm.
    case p
    /// O22's decay exponent q.
    case q
    /// The sample size n at which a bound is evaluated.
    case n
    /// A user-supplied polylog exponent k of `(log n)^k`.
    case logExponent
    /// A target error ε of a sample plan.
    case error
    /// The width of the certified enclosures of an infinite family.
    case precision
}

/// How a caller spells each ``InputField`` in errors and in report notes that say which input
/// decides a condition (`needs q`); the CLI spells them as its flags (`needs --q`).
public typealias FieldNames = @Sendable (InputField) -> String

extension InputField {
    /// The library's own spelling: the raw value (`q`, `logExponent`).
    public static let ownNames: FieldNames = { $0.rawValue }
}

/// An error about the inputs of a request, as one line whose field names the caller chooses.
public protocol InputFieldError: Error, CustomStringConvertible {
    /// The input the error is about.
    var field: InputField { get }
    /// The one-line message, each field it mentions (``field`` and any it suggests changing)
    /// spelled by `name`.
    func message(naming name: (InputField) -> String) -> String
}

extension InputFieldError {
    /// The message with the fields' own names (`p 0: expected p ≥ 1 …`).
    public var description: String { message(naming: \.rawValue) }
}
