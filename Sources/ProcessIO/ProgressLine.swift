import Foundation

/// A one-line progress display on stderr, redrawn in place (`\r`), shown only when stderr is
/// a terminal so that logs and pipes stay clean: `[ 7/54] 13% ssm n=4096 seed 1 · 0:42 elapsed, ~4:31 left`.
public struct ProgressLine: Sendable {
    /// Whether anything is drawn (stderr is a TTY).
    public let isEnabled = isatty(STDERR_FILENO) == 1

    /// A progress line on stderr.
    public init() {}

    /// Draws the state before the item `current` (`finished` of `total` done, `elapsed` seconds
    /// so far), or clears the line after the last one (`current` nil).
    public func show(finished: Int, total: Int, current: String?, elapsed: Double) {
        guard isEnabled else { return }
        guard let current else {
            FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
            return
        }
        let width = String(total).count
        let count = String(finished).leftPadded(to: width)
        let percent = total > 0 ? 100 * finished / total : 100
        var line = "[\(count)/\(total)] \(percent)% \(current) · \(Self.clock(elapsed)) elapsed"
        if finished > 0 {
            let remaining = elapsed / Double(finished) * Double(total - finished)
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
