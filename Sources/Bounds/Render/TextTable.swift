/// A minimal column aligner for the text reports: pads every column but the last to the
/// widest cell (counting Unicode characters, so `a†` and `≈` align).
/// Used by the rate reports (Bounds) and the check report (Numeric).
public struct TextTable: Sendable {
    /// The cells appended so far, row by row.
    public private(set) var rows: [[String]] = []

    /// An empty table.
    public init() {}

    /// Appends one row.
    public mutating func append(_ cells: String...) { rows.append(cells) }
    /// Appends one row given as an array.
    public mutating func append(cells: [String]) { rows.append(cells) }

    /// The rows joined, each prefixed by `indent`, with two spaces between columns; cells
    /// longer than `maximumColumnWidth` do not widen their column.
    public func rendered(indent: String = "  ", maximumColumnWidth: Int = 44) -> [String] {
        let columnCount = rows.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: columnCount)
        for row in rows {
            for (index, cell) in row.enumerated() where index < columnCount - 1 {
                widths[index] = max(widths[index], min(cell.count, maximumColumnWidth))
            }
        }
        return rows.map { row in
            var line = indent
            for (index, cell) in row.enumerated() {
                line += cell
                if index < row.count - 1 {
                    line += String(repeating: " ", count: max(widths[index] - cell.count, 0) + 2)
                }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }
}
