/// How a certified enclosure `[lower, upper]` is printed: both ends rounded *outward*
/// (lower down, upper up) so that the printed interval still contains the value, with
/// enough digits to show the enclosure's width (docs/families.md).
extension CertifiedValue {
    /// The fraction digits that show the width: the first `f` with `10^{-f} ≤ width`, plus
    /// one, at most `limit`.
    func fractionDigitsShowingWidth(limit: Int = 60) -> Int {
        let width = upper - lower
        guard width.signum > 0 else { return 10 }
        var f = 0
        while f < limit, Rational(BigInt.powerOfTen(UInt(f))) * width < .one { f += 1 }
        return min(f + 1, limit)
    }

    /// The ends rounded outward to `fractionDigits` digits after the point:
    /// `("0.54870677036", "0.54870677037")`.
    func outwardDecimals(fractionDigits: Int) -> (lower: String, upper: String) {
        let scale = BigInt.powerOfTen(UInt(fractionDigits))
        let low = Rational((lower * Rational(scale)).floor(), scale)
        let high = Rational((upper * Rational(scale)).ceiling(), scale)
        return (low.decimalString(fractionDigits: fractionDigits), high.decimalString(fractionDigits: fractionDigits))
    }

    /// `[0.5487067703612536105360063369340786, 0.5487067703612536105360063369340787]` at
    /// the digits that show the width (or `fractionDigits` when given).
    public func enclosureText(fractionDigits: Int? = nil) -> String {
        let (low, high) = outwardDecimals(fractionDigits: fractionDigits ?? fractionDigitsShowingWidth())
        return "[\(low), \(high)]"
    }

    /// The compact LaTeX interval notation `0.54870677036125361053600633693407_{86}^{87}`:
    /// the digits both ends share, then the lower end's remaining digits as a subscript and
    /// the upper end's as a superscript (`[lo,\,hi]` when they share no digit after the point).
    public func enclosureLaTeX(fractionDigits: Int? = nil) -> String {
        let (low, high) = outwardDecimals(fractionDigits: fractionDigits ?? fractionDigitsShowingWidth())
        let shared = zip(low, high).prefix { $0 == $1 }.count
        guard let point = low.firstIndex(of: "."), shared > low.distance(from: low.startIndex, to: point) else {
            return "[\(low),\\,\(high)]"
        }
        return String(low.prefix(shared)) + "_{\(low.dropFirst(shared))}^{\(high.dropFirst(shared))}"
    }
}
