import Bounds

/// Shared checks of the fuzz targets: an error must be one safe line.
enum FuzzSupport {
    /// Traps (a finding for libFuzzer) when an error's text is not one escaped line.
    static func requireOneSafeLine(_ error: Error) {
        let text = SafeText.line("\(error)")
        precondition(!text.unicodeScalars.contains { $0 == "\n" || $0 == "\r" || SafeTextProbe.isUnsafe($0) },
                     "error text is not one safe line")
    }
}

enum SafeTextProbe {
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }
}
