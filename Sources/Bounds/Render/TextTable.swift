/// A minimal column aligner for the text reports: pads every column but the last to the
/// widest cell (counting Unicode characters, so `a†` and `≈` align).
struct TextTable {
    private(set) var rows: [[String]] = []

    mutating func append(_ cells: String...) { rows.append(cells) }
    mutating func append(cells: [String]) { rows.append(cells) }

    /// The rows joined, each prefixed by `indent`, with two spaces between columns.
    func rendered(indent: String = "  ", maximumColumnWidth: Int = 44) -> [String] {
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
