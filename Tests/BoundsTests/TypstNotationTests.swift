import Testing
@testable import Bounds

/// The one place that escapes strings for Typst markup, and the numbers in Typst math.
@Suite struct TypstNotationTests {
    @Test func markupCharactersAreEscaped() {
        #expect(TypstNotation.text("#f() $x$ @r <l> [a] `c` *b* _e_ // /* \\ = - + ~") ==
                ##"\#f() \$x\$ \@r \<l\> \[a\] \`c\` \*b\* \_e\_ \/\/ \/\* \\ \= \- \+ \~"##)
    }

    @Test func controlFormatAndSeparatorCharactersBecomeUnicodeEscapes() {
        #expect(TypstNotation.text("a\nb\r\tc\u{202E}d\u{2028}e\u{0}") == #"a\u{A}b\u{D}\u{9}c\u{202E}d\u{2028}e\u{0}"#)
        #expect(TypstNotation.text("γ-smooth ā₁ < ∞").hasPrefix("γ\\-smooth ā₁ \\< ∞"))
    }

    @Test func numbersAndExponents() throws {
        #expect(TypstNotation.number(Rational(8, 15)) == "8/15" && TypstNotation.number(Rational(-1, 2)) == "-1/2" && TypstNotation.number(Rational(2)) == "2")
        #expect(TypstNotation.exponent(CertifiedValue(exact: Rational(8, 15)), symbol: "r") == "8\\/15")
    }

    @Test func conditionsAreMathFromTheParsedTerm() throws {
        let comparison = try ExpressionParser.comparison("2*beta/(2*beta + t_1) >= pos(a_dagger - v)^2 * min(q, 1/2)")
        #expect(ExpressionNotation.typst(comparison) == #"(2 beta)/(2 beta + "t_1") ≥ (a^dagger - v)_+^(2) dot min(q, 1/2)"#)
        #expect(SmoothnessPredicate.reciprocalSumFinite.typst == "tilde(a) < infinity")
    }
}
