import Testing
@testable import Bounds

private func value(_ text: String, _ values: [String: Rational] = [:]) throws -> Rational {
    try ExpressionParser.expression(text).exactValue(in: values)
}

@Test func expressionsEvaluateExactly() throws {
    #expect(try value("2*beta/(2*beta + d)", ["beta": Rational(1, 2), "d": Rational(3)]) == Rational(1, 4))
    #expect(try value("0.25 + 1/3") == Rational(7, 12))
    #expect(try value("-2^2") == Rational(-4))
    #expect(try value("(1/2)^-3") == Rational(8))
    #expect(try value("2^(-1)") == Rational(1, 2))
    #expect(try value("min(3, 1/2, 2) + max(1, 4) + pos(-5) + pos(1/3)") == Rational(29, 6))
    #expect(try value("2/q + 2 + max(4/q, 4)", ["q": Rational(1)]) == Rational(8))
    #expect(throws: ExpressionEvaluationError.divisionByZero) { try value("1/(d - 3)", ["d": Rational(3)]) }
    #expect(throws: ExpressionEvaluationError.missing("q")) { try value("1/q") }
}

@Test func malformedExpressionsNameTheColumn() {
    for (text, column) in [("2*(a", 5), ("a +", 4), ("2 ^ x", 5), ("foo(1)", 5), ("a^2^3", 4), ("1.", 3), ("a $ b", 3), ("pos(1, 2)", 10)] {
        let error = #expect(throws: ExpressionError.self) { try ExpressionParser.expression(text) }
        #expect(error?.column == column, "\(text)")
    }
    #expect(throws: ExpressionError.self) { try ExpressionParser.comparison("a + 1") }
}

@Test func expressionsAreBoundedInSizeDepthAndDegree() {
    #expect(throws: ExpressionError.self) { try ExpressionParser.expression(String(repeating: "(", count: 100) + "1" + String(repeating: ")", count: 100)) }
    #expect(throws: ExpressionError.self) { try ExpressionParser.expression(String(repeating: "1+", count: 600) + "1") }
    #expect(throws: ExpressionError.self) { try ExpressionParser.expression("((x^16)^16)^16") }
    #expect(throws: ExpressionError.self) { try ExpressionParser.expression(String(repeating: "9", count: 41)) }
    #expect(throws: ExpressionError.self) { try ExpressionParser.expression(String(repeating: "-", count: 200) + "1") }
    #expect((try? ExpressionParser.expression("(x^16)^16")) != nil)
}

@Test func monotoneExpressionsKeepTheEnclosureEndsAndTheClosedForm() throws {
    // a† = 6/π² enclosed: the rate's ends are the formula at the two ends, and its closed form
    // is 12/(12 + π²), as the report's own maps give.
    let form = ClosedForm(piPower: 2, numerator: .init(6, 0), denominator: .init(0, 1))
    let low = Rational(6079, 10000), high = Rational(6080, 10000)
    let aDagger = CertifiedValue(lower: low, upper: high, closedForm: form)
    let rate = try ExpressionParser.expression("2*(a_dagger - v)/(2*(a_dagger - v) + 1)")
        .certifiedValue(in: ["a_dagger": aDagger, "v": CertifiedValue(exact: .zero)])
    #expect(rate.lower == 2 * low / (2 * low + 1) && rate.upper == 2 * high / (2 * high + 1))
    #expect(rate.closedForm?.text == "12/(12 + π^2)")
    // Decreasing: ends swapped.
    let samples = try ExpressionParser.expression("(2*a_dagger + 1)/(2*a_dagger)").certifiedValue(in: ["a_dagger": aDagger])
    #expect(samples.lower == (2 * high + 1) / (2 * high) && samples.upper == (2 * low + 1) / (2 * low))
    // Constant in a† (v = 1/2): exact, as the monotone map gives.
    let level = try ExpressionParser.expression("a_dagger/(2*(a_dagger - v) + 1)")
        .certifiedValue(in: ["a_dagger": aDagger, "v": CertifiedValue(exact: Rational(1, 2))])
    #expect(level.exact == Rational(1, 2))
    // Not monotone on the enclosure (x − 1/2)² around 1/2: interval arithmetic, still certified.
    let around = CertifiedValue(lower: Rational(2, 5), upper: Rational(3, 5))
    let square = try ExpressionParser.expression("(x - 1/2)^2").certifiedValue(in: ["x": around])
    #expect(square.lower <= .zero && square.upper >= Rational(1, 100) && square.closedForm == nil)
    // A decided min keeps the monotone branch.
    let branch = try ExpressionParser.expression("min(a_dagger, 1)").certifiedValue(in: ["a_dagger": aDagger])
    #expect(branch.lower == low && branch.upper == high && branch.closedForm?.text == "6/π^2")
}

@Test func expressionNotation() throws {
    #expect(ExpressionNotation.text("a_dagger > v") == "a† > v")
    #expect(ExpressionNotation.text("d >= 1 and a1 != a2") == "d ≥ 1 and ā₁ ≠ ā₂")
    #expect(ExpressionNotation.latex(try ExpressionParser.comparison("a_dagger > v")) == "a^\\dagger > v")
    #expect(ExpressionNotation.latex(try ExpressionParser.expression("2*beta/(2*beta + d)")) == "\\frac{2\\beta}{2\\beta + d}")
    #expect(ExpressionNotation.latex(try ExpressionParser.expression("2/q + 2 + max(4/q, 4)"), inline: true) == "2/q + 2 + \\max(4/q, 4)")
    #expect(ExpressionNotation.latex(try ExpressionParser.expression("pos(1/p - 1/2)")) == "(\\frac{1}{p} - \\frac{1}{2})_+")
    #expect(ExpressionNotation.latex(try ExpressionParser.expression("t_1^2")) == "\\mathit{t\\_1}^{2}")
}
