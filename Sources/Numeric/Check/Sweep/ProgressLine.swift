import Foundation

/// A one-line progress display on stderr, redrawn in place (`\r`), shown only when stderr is
/// a terminal so that logs and pipes stay clean: `[ 7/54] 13% ssm n=4096 seed 1 · 0:42 elapsed, ~4:31 left`.
public struct ProgressLine: Sendable {
    /// Whether anything is drawn (stderr is a TTY).
    public let isEnabled = isatty(STDERR_FILENO) == 1

    /// A progress line on stderr.
    public init() {}

    /// Draws the state before a run, or clears the line after the last one.
    public func show(_ progress: CheckProgress) {
        guard isEnabled else { return }
        guard let current = progress.current else {
            FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
            return
        }
        let width = String(progress.total).count
        let count = String(progress.finished).leftPadded(to: width)
        let percent = progress.total > 0 ? 100 * progress.finished / progress.total : 100
        var line = "[\(count)/\(progress.total)] \(percent)% \(current) · \(Self.clock(progress.elapsed)) elapsed"
        if progress.finished > 0 {
            let remaining = progress.elapsed / Double(progress.finished) * Double(progress.total - progress.finished)
            line += ", ~\(Self.clock(remaining)) left"
        }
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + line).utf8))
    }

    /// `m:ss`.
    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        return "\(total / 60):" + String(total % 60).leftPadded(to: 2, with: "0")
    }
}

extension String {
    /// The string right-aligned in `width` characters.
    func leftPadded(to width: Int, with pad: Character = " ") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
