"""ratecalc.rate: exact Fractions and enclosures equal to the CLI's JSON, selection, display."""
from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

import ratecalc
from conftest import cli, cli_json


def test_the_worked_example_is_eight_fifteenths_exactly():
    report = ratecalc.rate(smoothness="1,2,4", gamma="anisotropic", arch="ssm")
    result = report.result(arch="ssm", gamma="anisotropic")
    assert type(result.rate_exponent) is Fraction and result.rate_exponent == Fraction(8, 15)
    assert (result.a_dagger, result.a_tilde, result.T_coefficient) == (Fraction(4, 7), Fraction(7, 4), Fraction(4, 15))
    assert (result.samples_exponent, result.approximation_exponent) == (Fraction(15, 8), Fraction(1))
    assert result.theorem_applies and result.source == "NS24" and result.provenance == "up-to-polylog"
    assert result.bound is not None and result.bound.latex == "\\tilde{O}(n^{-8/15})"
    assert [c.detail for c in result.conditions if c.name == "a_dagger > v"] == ["4/7 > 0"]
    assert report.smoothness.entries == (1, 2, 4) and report.smoothness.rows == 3 and report.v == 0 and report.p is None


def test_every_result_of_arch_all_matches_the_cli_json():
    report = ratecalc.rate(smoothness="1,2,4", arch="all")
    document = cli_json(["--smoothness", "1,2,4", "--arch", "all"])
    assert len(report) == len(document["results"]) > 6
    for result, expected in zip(report, document["results"]):
        assert (result.gamma, result.arch, result.class_) == (expected["gamma"], expected["arch"], expected["class"])
        for field in ("a_dagger", "rate_exponent", "T_coefficient", "samples_exponent", "approximation_exponent"):
            value, reference = getattr(result, field), expected[field]
            if reference is None:
                assert value is None
            else:
                assert value == Fraction(reference["exact"]) and isinstance(value, Fraction)
        assert result.theorem_applies == expected["theorem_applies"] and list(result.proven_by) == expected["proven_by"]


def test_no_float_carries_an_exact_value():
    report = ratecalc.rate(smoothness="1,2,4", arch="all", p="3/2", q=1, n="1e4")

    def floats(value, path):
        if isinstance(value, float):
            yield path
        elif isinstance(value, (tuple, list)):
            for index, item in enumerate(value):
                yield from floats(item, f"{path}[{index}]")
        elif hasattr(value, "__dataclass_fields__"):
            for name in value.__dataclass_fields__:
                yield from floats(getattr(value, name), f"{path}.{name}")

    found = list(floats(report, "report"))
    # Decimals of the bound at n (docs/json-schema.md: at_n's main terms are decimals) are the only floats.
    assert found and all(".at_n." in path for path in found), found
    assert report.p == Fraction(3, 2) and report.v == Fraction(1, 6) and report.n == 10000


def test_exact_inputs_of_every_kind_give_the_same_answer():
    reference = ratecalc.rate(smoothness="3/2,2,4", gamma="anisotropic")
    assert ratecalc.rate(smoothness=[Fraction(3, 2), 2, Decimal("4")], gamma="anisotropic") == reference
    assert ratecalc.rate(smoothness=["1.5", "2", "4"], gamma="anisotropic") == reference
    matrix = ratecalc.rate(smoothness=[[1, 2], [3, 4]], gamma="anisotropic")
    assert matrix.smoothness.rows == 2 and matrix.smoothness.columns == 2
    assert matrix == ratecalc.rate(smoothness="1,2;3,4", gamma="anisotropic")


@pytest.mark.parametrize("smoothness", [[1, 0.5], 2.0, [[1.0]]])
def test_a_float_input_is_refused_before_anything_runs(smoothness):
    with pytest.raises(TypeError, match="float"):
        ratecalc.rate(smoothness=smoothness)


def test_an_infinite_family_gives_a_certified_pair_of_fractions():
    result = ratecalc.rate(smoothness="poly(c=1,q=2)", gamma="anisotropic", arch="ssm")[0]
    enclosure = result.rate_exponent
    assert isinstance(enclosure, ratecalc.Enclosure) and isinstance(enclosure, tuple) and len(enclosure) == 2
    lower, upper = enclosure
    assert type(lower) is Fraction and type(upper) is Fraction and lower < upper
    assert enclosure.width <= Fraction(1, 10**30) and enclosure.symbolic == "12/(12 + π^2)"
    # 12/(12 + π²) with π between two rationals that bracket it to 1e-12: the enclosure must overlap.
    pi_low, pi_high = Fraction(3141592653589, 10**12), Fraction(3141592653590, 10**12)
    assert lower <= 12 / (12 + pi_low**2) and upper >= 12 / (12 + pi_high**2)
    reference = cli_json(["--smoothness", "poly(c=1,q=2)", "--gamma", "anisotropic"])["results"][0]["rate_exponent"]
    assert enclosure == (Fraction(reference["lower"]), Fraction(reference["upper"]))
    assert result.a_dagger.midpoint in result.a_dagger


def test_a_bound_whose_hypothesis_fails_is_marked_not_proven():
    result = ratecalc.rate(smoothness="2,2", gamma="mixed", arch="cnn")[0]
    assert not result.theorem_applies and result.proven_by == ()
    assert [c.status for c in result.conditions if c.name == "a1 < a2"] == ["fails"]
    assert "not proven" in ratecalc.rate(smoothness="2,2", gamma="mixed", arch="cnn")._repr_markdown_()


def test_result_selects_exactly_one():
    report = ratecalc.rate(smoothness="1,2,4", arch="ssm,transformer")
    assert report.result(arch="transformer", gamma="mixed").source == "TS23"
    with pytest.raises(LookupError, match="2 results"):
        report.result(arch="ssm")


def test_display_is_the_tools_own_markdown_and_latex():
    report = ratecalc.rate(smoothness="1,2,4", gamma="anisotropic", arch="ssm")
    arguments = ["--smoothness", "1,2,4", "--gamma", "anisotropic", "--arch", "ssm", "--format"]
    assert report._repr_markdown_() == cli(arguments + ["markdown"]).stdout
    assert report._repr_latex_() == cli(arguments + ["latex"]).stdout
    assert str(report) == cli(arguments + ["text"]).stdout
    assert "$8/15$" in report._repr_markdown_()
    assert report.rendered("typst") == cli(arguments + ["typst"]).stdout
    assert "[$8/15$ ≈ 0.533333]" in report.rendered("typst")
