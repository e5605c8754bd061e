import Foundation
import ProcessIO

extension CheckSchedulePlan {
    /// Creates ``directory`` with its `logs/` and `runs/` (Slurm opens a task's log before the task
    /// starts, so they must exist) and writes ``files()`` into it, each atomically, the scripts
    /// executable. Returns the names written, in order.
    /// - Throws: `OutputPathError` naming `option` (the caller's name for the directory) when a
    ///   directory or file cannot be written.
    public func write(option: String) throws -> [String] {
        for path in [directory, logsDirectory, runsDirectory] { try OutputPath.validateDirectory(path, option: option) }
        return try files().map { file in
            let path = directory + "/" + file.name
            try OutputPath.write(file.text, to: path, option: option)
            if file.executable { chmod(path, 0o755) }
            return file.name
        }
    }

    /// The `ratecalc` executable for the scripts: `given` made absolute when it contains a slash
    /// (the scripts run in other directories; a bare name is left to the shell's PATH), else the
    /// running executable.
    public static func executable(_ given: String?) -> String {
        if let given { return given.contains("/") ? URL(fileURLWithPath: given).standardizedFileURL.path : given }
        return (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }
}
