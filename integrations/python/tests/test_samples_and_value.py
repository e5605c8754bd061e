"""ratecalc.samples and ratecalc.value against the CLI."""
from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import ratecalc
from conftest import cli, cli_json


def test_samples_gives_exact_errors_and_exponents_and_the_cli_sizes():
    report = ratecalc.samples("1,2,4", ["1e-2", Fraction(1, 1000)], gamma="anisotropic", arch="ssm,transformer")
    document = cli_json(["samples", "--smoothness", "1,2,4", "--error", "1e-2,1/1000", "--gamma", "anisotropic",
                         "--arch", "ssm,transformer"])
    assert report.errors == (Fraction(1, 100), Fraction(1, 1000))
    assert [r.samples_exponent for r in report] == [Fraction(15, 8)] * 2
    assert [list(r.n) for r in report] == [r["n"] for r in document["results"]]
    assert report[0].log10_n == (Decimal("3.75"), Decimal("5.625"))
    assert "$15/8$" in report._repr_markdown_()
    assert report._repr_markdown_() == cli(["samples", "--smoothness", "1,2,4", "--error", "1e-2,1/1000", "--gamma",
                                            "anisotropic", "--arch", "ssm,transformer", "--format", "markdown"]).stdout


def test_a_pair_without_a_theorem_has_no_exponent_and_no_sizes():
    report = ratecalc.samples("1,2,4", "1e-2", gamma="anisotropic", arch="all")
    cnn = [r for r in report if r.arch == "cnn" and r.class_ == "piecewise-gamma-smooth"]
    assert len(cnn) == 1 and cnn[0].samples_exponent is None and cnn[0].n == (None,) and cnn[0].log10_n == (None,)
    assert not cnn[0].theorem_applies and cnn[0].source is None


def test_value_is_a_fraction_or_an_enclosure():
    assert ratecalc.value("rate-exponent", "1,2,4", gamma="anisotropic", arch="ssm") == Fraction(8, 15)
    assert ratecalc.value("a-tilde", [1, 2, 4], gamma="anisotropic") == Fraction(7, 4)
    assert ratecalc.value("t-coefficient", "1,2,4", gamma="mixed", arch="transformer", p=1) == Fraction(1, 2)
    enclosure = ratecalc.value("rate-exponent", "poly(c=1,q=2)", gamma="anisotropic", arch="ssm")
    report = ratecalc.rate(smoothness="poly(c=1,q=2)", gamma="anisotropic", arch="ssm")
    assert isinstance(enclosure, ratecalc.Enclosure) and enclosure == report[0].rate_exponent


def test_exact_values_beyond_pythons_int_text_limit_are_read_exactly():
    # A 10,000-digit entry (the largest one number may have, docs/limits.md): a† = its reciprocal's sum.
    big = 10**9999
    result = ratecalc.rate(smoothness=["1e9999", big + 1], gamma="anisotropic", arch="ssm")[0]
    assert result.a_tilde == Fraction(1, big) + Fraction(1, big + 1)
    assert ratecalc.rate(smoothness="1e9999,1", gamma="mixed").smoothness.entries[0] == big
    harmonic = ratecalc.rate(smoothness=list(range(1, 3001)), gamma="anisotropic", arch="ssm")[0]
    assert harmonic.a_tilde == sum(Fraction(1, k) for k in range(1, 3001))
