import Bounds

/// Shared checks of the fuzz targets: an error must be one safe line.
enum FuzzSupport {
    /// Traps (a finding for libFuzzer) when an error's text is not one escaped line.
    static func requireOneSafeLine(_ error: Error) {
        let text = SafeText.line("\(error)")
        precondition(!text.unicodeScalars.contains(where: SafeText.isUnsafe), "error text is not one safe line")
    }
}
