"""ratecalc.check on a tiny sweep: the report's runs and fits against the CLI's, and the
Markdown view rendered through `ratecalc merge` of the check's own run file."""
from __future__ import annotations

from fractions import Fraction

import pytest

import ratecalc
from conftest import TINY_CHECK, cli


def cli_arguments(options):
    arguments = ["check"]
    for name, value in options.items():
        arguments += ["--" + name.replace("_", "-"), ",".join(value) if isinstance(value, list) else str(value)]
    return arguments


def test_the_report_has_every_run_with_the_exact_theory_rate(tiny_check):
    report = tiny_check
    assert report.rate_exponent == Fraction(4, 7) and type(report.rate_exponent) is Fraction
    assert [e.name for e in report] == ["ssm", "transformer", "oracle"]
    assert len(report.runs) == 3 * 3 * 2 and report.complete and report.missing_runs == 0
    assert {(r.estimator, r.n, r.replicate) for r in report.runs} == {
        (e, n, k) for e in ("ssm", "transformer", "oracle") for n in (32, 64, 128) for k in (0, 1)}
    ssm = report.estimator("ssm")
    assert all(r.training is not None and r.training.steps <= r.training.step_cap for r in ssm.runs)
    assert all(r.training is None for r in report.estimator("oracle").runs)
    assert [row.n for row in ssm.table] == [32, 64, 128] and ssm.verdict
    assert report.ssm_minus_transformer is not None and report.ssm_minus_transformer.pairs == 6
    with pytest.raises(LookupError):
        report.estimator("cnn")


def test_the_report_equals_the_cli_report_apart_from_times(tiny_check):
    import json
    document = json.loads(cli(cli_arguments(TINY_CHECK) + ["--format", "json"]).stdout)
    for estimator, expected in zip(tiny_check, document["estimators"]):
        assert [r.test_mse for r in estimator.runs] == [r["test_mse"] for r in expected["runs"]]
        assert estimator.fitted_exponent == expected["fitted_exponent"] and estimator.verdict == expected["verdict"]


def test_markdown_and_latex_come_from_merge_of_the_run_file(tiny_check):
    direct = cli(cli_arguments(TINY_CHECK) + ["--format", "markdown"]).stdout
    assert tiny_check._repr_markdown_() == direct
    assert "\\frac{4}{7}" in tiny_check._repr_markdown_()
    assert "\\begin{tabular}" in tiny_check._repr_latex_()


def test_a_window_sweep_is_refused_with_a_clear_message():
    with pytest.raises(TypeError, match="window sweep"):
        ratecalc.check("1,2", class_="piecewise", window=[4, 8])
