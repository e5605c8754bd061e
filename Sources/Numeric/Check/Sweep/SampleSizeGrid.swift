import Foundation

/// The geometric grid of sample sizes of a sweep (docs/check.md: default 2^9 … 2^14):
/// `n_i = round(n_min · (n_max/n_min)^{i/(points−1)})`, i = 0 … points−1, duplicates removed.
public enum SampleSizeGrid {
    /// The grid, ascending; `[nMin]` when `points == 1`. Throws ``CheckSettingsError`` for
    /// `nMin < 2`, `nMax < nMin` or `points < 1`.
    public static func geometric(from nMin: Int, to nMax: Int, points: Int) throws -> [Int] {
        guard nMin >= 2 else { throw CheckSettingsError(.nMin, [.name(.nMin), .text(" must be an integer ≥ 2, got \(nMin)")]) }
        guard nMax >= nMin else {
            throw CheckSettingsError(.nMax, [.name(.nMax), .text(" (\(nMax)) must be ≥ "), .name(.nMin), .text(" (\(nMin))")])
        }
        guard points >= 1 else { throw CheckSettingsError.notPositive(.points, points) }
        if points == 1 { return [nMin] }
        let ratio = Double(nMax) / Double(nMin)
        var grid: [Int] = []
        for i in 0..<points {
            let n = i == points - 1 ? nMax : Int((Double(nMin) * pow(ratio, Double(i) / Double(points - 1))).rounded())
            if grid.last != n { grid.append(n) }
        }
        return grid
    }
}
