/// A finite smoothness vector or matrix `a = (a_{ij})`, every entry an exact positive
/// rational (docs/limits.md).
///
/// Rows are relative positions `i = 0, 1, 2, …` and columns are token features `j`; a flat
/// list `1,2,4` is a matrix with one column (token dimension d = 1). Entries are stored
/// row-major. For γ-smoothness only the multiset of entries matters (the effective
/// smoothness a† is symmetric in them), but the shape is kept for reports and for the
/// empirical check, which needs the window length and the token dimension.
public struct Smoothness: Sendable, Equatable {
    /// The entries `a_{ij}`, row-major, each > 0.
    public let entries: [Rational]
    /// Number of rows (relative positions in the window).
    public let rows: Int
    /// Number of columns (features per token).
    public let columns: Int

    /// A matrix from row-major entries; every entry must be positive.
    /// - Throws: ``SmoothnessParseError`` if the shape does not match or an entry is ≤ 0.
    public init(entries: [Rational], rows: Int, columns: Int) throws {
        guard rows > 0, columns > 0, entries.count == rows * columns else {
            throw SmoothnessParseError(token: "", position: nil,
                                       problem: "a smoothness needs at least one entry and a rectangular shape (\(rows) × \(columns) ≠ \(entries.count) entries)")
        }
        if let bad = entries.firstIndex(where: { $0.signum <= 0 }) {
            throw SmoothnessParseError(token: entries[bad].description, position: bad + 1,
                                       problem: Problem.notPositive)
        }
        self.entries = entries
        self.rows = rows
        self.columns = columns
    }

    /// Parses docs/limits.md's finite forms, one clause per line (whitespace around tokens is
    /// ignored; the text is first checked against ``InputBudget``):
    /// ```
    /// smoothness := row (";" row)*        1,2;3,4 — every row as long as the first
    /// row        := entry ("," entry)*    1,2,4 — a single row is read as a column (d = 1)
    /// entry      := number                > 0, read exactly by Rational(parsing:): 0.1 is 1/10
    /// ```
    ///
    /// A flat list is read as a column (one row per relative position, d = 1).
    /// - Throws: ``SmoothnessParseError`` naming the offending token, its position
    ///   (row and column, or entry number) and what was expected.
    public static func parse(_ text: String) throws -> Smoothness {
        try InputBudget.checkSmoothness(text)
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else {
            throw SmoothnessParseError(token: text, position: nil,
                                       problem: "is empty: expected entries like 1,2,4 or a matrix 1,2;3,4")
        }
        let rowTexts = trimmed.split(separator: ";", omittingEmptySubsequences: false)
        let isMatrix = rowTexts.count > 1
        var entries: [Rational] = []
        var columns: Int? = nil
        var entryNumber = 0
        for (rowIndex, rowText) in rowTexts.enumerated() {
            let cells = rowText.split(separator: ",", omittingEmptySubsequences: false)
            if isMatrix, let expected = columns, cells.count != expected {
                throw SmoothnessParseError(token: String(rowText).trimmingWhitespace(), position: nil,
                                           problem: "row \(rowIndex + 1) has \(cells.count) entries but row 1 has \(expected): expected a rectangular matrix")
            }
            columns = columns ?? cells.count
            for (columnIndex, cell) in cells.enumerated() {
                entryNumber += 1
                let where_ = isMatrix ? "row \(rowIndex + 1), column \(columnIndex + 1)" : "entry \(entryNumber)"
                let token = cell.trimmingWhitespace()
                guard !token.isEmpty else {
                    throw SmoothnessParseError(token: "", position: entryNumber, location: where_,
                                               problem: Problem.emptyEntry)
                }
                let value: Rational
                do {
                    value = try Rational(parsing: token)
                } catch let error as RationalParseError {
                    throw SmoothnessParseError(token: token, position: entryNumber, location: where_,
                                               problem: Smoothness.explanation(of: error))
                }
                guard value.signum > 0 else {
                    throw SmoothnessParseError(token: token, position: entryNumber, location: where_,
                                               problem: Problem.notPositive)
                }
                entries.append(value)
            }
        }
        let columnCount = isMatrix ? (columns ?? 1) : 1
        return try Smoothness(entries: entries, rows: entries.count / columnCount, columns: columnCount)
    }

    /// The entries sorted ascending: `ā_1 ≤ ā_2 ≤ …` (docs/formulas.md).
    public var sortedEntries: [Rational] { entries.sorted() }

    /// `ā_1 < ā_2`: the smallest entry is strictly smaller than the second smallest, the strict
    /// gap of O22's Assumption 8 for mixed smoothness (docs/formulas.md); nil for a single entry.
    public var hasStrictGap: Bool? {
        let sorted = sortedEntries
        return sorted.count > 1 ? sorted[0] < sorted[1] : nil
    }

    /// The texts of the problems an entry can have, each written once.
    enum Problem {
        static let emptyEntry = "is empty: expected a positive number such as 2, 3/2, 0.5 or 1e-3"
        static let notPositive = "must be > 0: smoothness entries are positive"
    }

    /// The parse error's problem, worded for a smoothness entry (which must be positive).
    private static func explanation(of error: RationalParseError) -> String {
        switch error.reason {
        case .empty: return Problem.emptyEntry
        case .malformed: return "is not a number: expected a positive integer, fraction p/q, decimal or scientific number (2, 3/2, 0.5, 1e-3)"
        case .zeroDenominator, .exponentTooLarge, .tooManyDigits: return error.problem
        }
    }
}
