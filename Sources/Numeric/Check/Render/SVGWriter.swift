import Foundation

/// Two decimals, for SVG coordinates (every plot of `check` writes its numbers this way).
func svgNumber(_ value: Double) -> String { String(format: "%.2f", value.isFinite ? value : 0) }

/// Accumulates SVG elements; escapes text for XML.
struct SVGWriter {
    let width: Double, height: Double
    private var body: [String] = []
    /// Approximate boxes of the horizontal `text(…)` elements: width 0.6 × font size per
    /// character (DejaVu Sans averages about 0.55), height from 0.8 × size above the baseline to
    /// 0.25 × size below it.
    private(set) var textBoxes: [(text: String, x: ClosedRange<Double>, y: ClosedRange<Double>)] = []

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Appends markup as is (callers escape any text in it).
    mutating func raw(_ element: String) { body.append(element) }

    /// A `<text>` element; `rotate` in degrees about (x, y).
    mutating func text(_ content: String, x: Double, y: Double, size: Double, anchor: String,
                       weight: String? = nil, fill: String? = nil, rotate: Double? = nil) {
        var attributes = "x=\"\(svgNumber(x))\" y=\"\(svgNumber(y))\" font-size=\"\(svgNumber(size))\" text-anchor=\"\(anchor)\""
        if let weight { attributes += " font-weight=\"\(weight)\"" }
        if let fill { attributes += " fill=\"\(fill)\"" }
        if let rotate, rotate != 0 {
            attributes += " transform=\"rotate(\(svgNumber(rotate)) \(svgNumber(x)) \(svgNumber(y)))\""
        } else {
            let width = 0.6 * size * Double(content.count)
            let left = anchor == "middle" ? x - width / 2 : (anchor == "end" ? x - width : x)
            textBoxes.append((content, left...(left + width), (y - 0.8 * size)...(y + 0.25 * size)))
        }
        body.append("<text \(attributes)>\(SVGWriter.escaped(content))</text>")
    }

    /// The whole document.
    func document() -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(svgNumber(width))\" height=\"\(svgNumber(height))\" viewBox=\"0 0 \(svgNumber(width)) \(svgNumber(height))\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n"
            + body.map { "  " + $0 }.joined(separator: "\n") + "\n</svg>\n"
    }

    /// `&`, `<`, `>`, `"` as entities.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
