import Foundation

/// OpenBLAS 0.3.21 (Debian 12) does not recognise recent Xeons and falls back to its SSE3
/// "Prescott" kernels, 4× slower than the AVX-512 ones for the oracle's `dsyrk` (measured:
/// 15 vs 60–68 GFlop/s) and slower for training. It reads `OPENBLAS_CORETYPE` only when the
/// library loads, before `main`, so the commands that use BLAS (`check`, `bench`) re-execute
/// themselves once with the variable set from the CPU's flags. A user's own
/// `OPENBLAS_CORETYPE` is always respected; nothing changes on CPUs without AVX2.
public enum OpenBLASCoreSelection {
    /// Re-executes the process with `OPENBLAS_CORETYPE` set when that speeds up BLAS; returns
    /// (doing nothing) when it is already set, not needed, or the re-execution fails.
    public static func reexecuteIfUseful(arguments: [String]) {
        guard let command = arguments.dropFirst().first, ["check", "bench"].contains(command),
              ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] == nil,
              let core = preferredCore() else { return }
        setenv("OPENBLAS_CORETYPE", core, 1)
        var argv = arguments.map { strdup($0) } + [nil]
        execv("/proc/self/exe", &argv)
        // execv returned: it failed; carry on with OpenBLAS's own choice.
    }

    /// `SkylakeX` when the CPU has AVX-512 (F, BW, VL, DQ), `Haswell` when it has AVX2 and FMA, else nil.
    public static func preferredCore() -> String? {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let flagsLine = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return nil }
        let flags = Set(flagsLine.split(separator: " ").map(String.init))
        if flags.isSuperset(of: ["avx512f", "avx512bw", "avx512vl", "avx512dq"]) { return "SkylakeX" }
        if flags.isSuperset(of: ["avx2", "fma"]) { return "Haswell" }
        return nil
    }
}
