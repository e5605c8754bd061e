import Bounds
import CBLAS
import Foundation

/// The machine a check's runs ran on (docs/check.md, "Reproducibility"): the CPU model, the
/// OpenBLAS kernel set in use and the thread count. Results are bit-for-bit reproducible only with
/// the same binary, the same OpenBLAS core and the same ISA; the report records them so a reader
/// can tell which case a comparison is.
public struct CheckMachine: Codable, Sendable, Hashable {
    /// `model name` of /proc/cpuinfo (`unknown` where it cannot be read).
    public var cpu: String
    /// OpenBLAS's kernel set (`openblas_get_corename()`, e.g. `Haswell`, `SkylakeX`, `Zen`).
    public var openblasCore: String
    /// Threads of the training and linear-algebra loops (`check --threads`).
    public var threads: Int

    /// Creates a description from its parts.
    public init(cpu: String, openblasCore: String, threads: Int) {
        self.cpu = cpu
        self.openblasCore = openblasCore
        self.threads = threads
    }

    /// This process's machine, running `threads` threads.
    public static func current(threads: Int) -> CheckMachine {
        let core = openblas_get_corename().map { String(cString: $0) } ?? "unknown"
        return CheckMachine(cpu: cpuModel() ?? "unknown", openblasCore: core, threads: threads)
    }

    /// The first `model name` of /proc/cpuinfo, white space folded.
    static func cpuModel() -> String? {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let line = info.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
              let colon = line.firstIndex(of: ":") else { return nil }
        let model = line[line.index(after: colon)...].split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return model.isEmpty ? nil : model
    }

    /// e.g. `AMD EPYC 7B13, OpenBLAS core Zen, 2 threads`. The strings come from shard files too
    /// (data, not trusted): each is cut to ``maximumTextLength`` scalars and escaped like every
    /// echoed token (``SafeText/escaped(_:)``: control, line-separator and bidirectional characters
    /// shown as `\u{…}`), so a hostile shard cannot garble a terminal or a report.
    public var summary: String {
        "\(Self.shown(cpu)), OpenBLAS core \(Self.shown(openblasCore)), \(threads) thread\(threads == 1 ? "" : "s")"
    }

    /// The most scalars of a machine string a report shows.
    static let maximumTextLength = 120

    private static func shown(_ text: String) -> String {
        SafeText.escaped(String(String.UnicodeScalarView(text.unicodeScalars.prefix(maximumTextLength))))
    }

    enum CodingKeys: String, CodingKey {
        case cpu, threads
        case openblasCore = "openblas_core"
    }
}
