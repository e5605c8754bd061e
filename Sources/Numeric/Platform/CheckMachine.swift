import Bounds
import CBLAS
import Foundation

/// The machine a check's runs ran on (docs/check.md, "Reproducibility"): the CPU model, the
/// OpenBLAS kernel set in use, the engine's kernel path (``KernelPath``) and the thread count.
/// Results are bit-for-bit reproducible only with the same binary, the same OpenBLAS core and the
/// same kernel path; the report records them so a reader can tell which case a comparison is.
public struct CheckMachine: Codable, Sendable, Hashable {
    /// `model name` of /proc/cpuinfo (`unknown` where it cannot be read).
    public var cpu: String
    /// OpenBLAS's kernel set (`openblas_get_corename()`, e.g. `Haswell`, `SkylakeX`, `Zen`).
    public var openblasCore: String
    /// Threads of the training and linear-algebra loops (`check --threads`).
    public var threads: Int
    /// The engine's kernel path (``KernelPath/recorded``: `baseline`, `avx2`, `avx512`); `unknown`
    /// in shard files written before it was recorded.
    public var kernels: String

    /// Creates a description from its parts.
    public init(cpu: String, openblasCore: String, kernels: String = "unknown", threads: Int) {
        self.cpu = cpu
        self.openblasCore = openblasCore
        self.kernels = kernels
        self.threads = threads
    }

    /// This process's machine, running `threads` threads.
    public static func current(threads: Int) -> CheckMachine {
        let core = openblas_get_corename().map { String(cString: $0) } ?? "unknown"
        return CheckMachine(cpu: cpuModel() ?? "unknown", openblasCore: core, kernels: KernelPath.recorded, threads: threads)
    }

    /// Decodes a machine; `kernels` is optional (older shard files lack it).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        cpu = try container.decode(String.self, forKey: .cpu)
        openblasCore = try container.decode(String.self, forKey: .openblasCore)
        kernels = try container.decodeIfPresent(String.self, forKey: .kernels) ?? "unknown"
        threads = try container.decode(Int.self, forKey: .threads)
    }

    /// The first `model name` of /proc/cpuinfo, white space folded.
    static func cpuModel() -> String? {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let line = info.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
              let colon = line.firstIndex(of: ":") else { return nil }
        let model = line[line.index(after: colon)...].split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return model.isEmpty ? nil : model
    }

    /// e.g. `AMD EPYC 7B13, OpenBLAS core Zen, kernels avx2, 2 threads`. The strings come from shard files too
    /// (data, not trusted): each is cut to ``maximumTextLength`` scalars and escaped like every
    /// echoed token (``SafeText/escaped(_:)``: control, line-separator and bidirectional characters
    /// shown as `\u{…}`), so a hostile shard cannot garble a terminal or a report.
    public var summary: String {
        "\(Self.shown(cpu)), OpenBLAS core \(Self.shown(openblasCore)), kernels \(Self.shown(kernels)), \(threads) thread\(threads == 1 ? "" : "s")"
    }

    /// The most scalars of a machine string a report shows.
    static let maximumTextLength = 120

    private static func shown(_ text: String) -> String {
        SafeText.escaped(String(String.UnicodeScalarView(text.unicodeScalars.prefix(maximumTextLength))))
    }

    enum CodingKeys: String, CodingKey {
        case cpu, threads, kernels
        case openblasCore = "openblas_core"
    }
}
