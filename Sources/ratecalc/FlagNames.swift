import Bounds
import Numeric

/// The CLI's names for the library's input fields: the libraries name fields
/// (``InputField``), and error lines name the flag a user types (docs/library.md "Errors").
/// The check's fields carry their own flags (``CheckField/flag``), because the library also
/// writes a check back as a command line (`ratecalc plan`).
enum FlagNames {
    /// The flag for `field`; the smoothness is named by the word `smoothness`, as every
    /// smoothness error line starts (docs/limits.md "Bad input").
    static func name(of field: InputField) -> String {
        switch field {
        case .smoothness: return "smoothness"
        case .gamma: return "--gamma"
        case .architecture: return "--arch"
        case .functionClass: return "--class"
        case .p: return "--p"
        case .q: return "--q"
        case .n: return "--n"
        case .logExponent: return "--log-exponent"
        case .error: return "--error"
        case .precision: return "--precision"
        }
    }

    /// ``name(of:)`` as the field names a report takes (`needs --q`).
    static let names: FieldNames = { name(of: $0) }

    /// The message of an error, with library fields spelled as flags.
    static func message(for error: Error) -> String? {
        if let error = error as? CheckSettingsError { return error.commandLineMessage }
        return (error as? InputFieldError)?.message(naming: name(of:))
    }
}
