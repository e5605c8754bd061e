"""ratecalc for Python and Jupyter: the exact rates of the ratecalc command-line tool.

    >>> import ratecalc
    >>> ratecalc.rate(smoothness="1,2,4", gamma="anisotropic", arch="ssm")[0].rate_exponent
    Fraction(8, 15)

Every function runs the installed ``ratecalc`` executable (the ``binary=`` argument, else
``$RATECALC_BINARY``, else ``ratecalc`` on PATH), parses its JSON output, validates it
against the JSON Schema of docs/json-schema.md (shipped with the package) and returns
objects whose exact values are :class:`fractions.Fraction` (or :class:`Enclosure`, a
certified pair of Fractions, for infinite smoothness families). Nothing exact passes
through a float: option values are text, ints, Fractions or Decimals; a float is refused.
Bad input raises :class:`RatecalcError` carrying the tool's one error line. Results show
themselves in a notebook as the tool's ``--format markdown`` (``_repr_markdown_``) and
``--format latex`` (``_repr_latex_``). The package is documented in docs/python.md.
"""
from __future__ import annotations

from fractions import Fraction
from typing import List, Optional, Union, cast

from ._check import CheckReport, Estimator, ExponentDifference, Run, SizeRow, Training, run_check
from ._display import Binary
from ._errors import BinaryNotFoundError, OutputError, RatecalcError
from ._exact import Certified, Enclosure, fraction
from ._rate import Bound, Condition, NetworkSize, RateAtN, RateReport, RateResult
from ._runner import Number, OptionValue, find_binary, flags, run, run_json
from ._samples import SamplesReport, SamplesResult
from ._schema import validate
from ._smoothness import Smoothness

__all__ = [
    "rate", "samples", "value", "check", "find_binary", "validate",
    "RateReport", "RateResult", "Condition", "Bound", "NetworkSize", "RateAtN", "Smoothness",
    "SamplesReport", "SamplesResult", "CheckReport", "Estimator", "Run", "SizeRow", "Training", "ExponentDifference",
    "Enclosure", "Certified", "RatecalcError", "BinaryNotFoundError", "OutputError",
]

#: ``ratecalc value`` quantities and the JSON field of a rate result that holds each.
QUANTITY_FIELDS = {
    "rate-exponent": "rate_exponent", "a-dagger": "a_dagger", "a-tilde": "a_tilde", "t-coefficient": "T_coefficient",
    "samples-exponent": "samples_exponent", "approximation-exponent": "approximation_exponent",
}


def _theory_flags(smoothness: OptionValue, gamma: Optional[OptionValue], arch: Optional[OptionValue],
                  class_: Optional[str], p: Optional[Number], q: Optional[Number],
                  log_exponent: Optional[Number], precision: Optional[Number]) -> List[str]:
    return flags({"smoothness": smoothness, "gamma": gamma, "arch": arch, "class_": class_, "p": p, "q": q,
                  "log_exponent": log_exponent, "precision": precision})


def rate(smoothness: OptionValue, *, gamma: Optional[OptionValue] = None, arch: Optional[OptionValue] = None,
         class_: Optional[str] = None, p: Optional[Number] = None, q: Optional[Number] = None,
         n: Optional[Number] = None, log_exponent: Optional[Number] = None, precision: Optional[Number] = None,
         binary: Binary = None, timeout: Optional[float] = None) -> RateReport:
    """The exact rates of ``ratecalc rate`` (docs/formulas.md): r = 2(a†−v)/(2(a†−v)+1) and the
    other quantities of NS24 (SSMs), TS23 (Transformers) and O22 (CNNs) for the smoothness ``a``.

    ``smoothness``: ``"1,2,4"``, ``"1,2;3,4"`` (a matrix), a family ``"poly(c=1,q=2)"``, or a
    sequence (of sequences) of exact numbers. ``gamma``: ``mixed``, ``anisotropic``, ``both``;
    ``arch``: ``ssm``, ``transformer``, ``cnn``, ``all`` or a list; ``class_``: ``gamma`` or
    ``piecewise``; ``p``, ``q``, ``n``, ``log_exponent``, ``precision`` as the CLI's options.
    """
    arguments = ["rate", *_theory_flags(smoothness, gamma, arch, class_, p, q, log_exponent, precision), *flags({"n": n})]
    return RateReport.from_json(run_json(arguments, "rate", binary, timeout), arguments, binary)


def samples(smoothness: OptionValue, error: Optional[OptionValue] = None, *, gamma: Optional[OptionValue] = None,
            arch: Optional[OptionValue] = None, class_: Optional[str] = None, p: Optional[Number] = None,
            q: Optional[Number] = None, precision: Optional[Number] = None, binary: Binary = None,
            timeout: Optional[float] = None) -> SamplesReport:
    """``ratecalc samples``: the sample size n(ε) ≍ ε^{-1/r} for each target error ε in (0, 1)
    (``error="1e-2,1e-3"`` or a list of exact numbers; the tool's default when None), with
    the exact exponent 1/r."""
    arguments = ["samples", *_theory_flags(smoothness, gamma, arch, class_, p, q, None, precision), *flags({"error": error})]
    return SamplesReport.from_json(run_json(arguments, "samples", binary, timeout), arguments, binary)


def value(quantity: str, smoothness: OptionValue, *, gamma: Optional[OptionValue] = None,
          arch: Optional[OptionValue] = None, class_: Optional[str] = None, p: Optional[Number] = None,
          q: Optional[Number] = None, precision: Optional[Number] = None, binary: Binary = None,
          timeout: Optional[float] = None) -> Optional[Certified]:
    """One quantity of one result, as ``ratecalc value QUANTITY`` selects it (the options must
    select exactly one result; the tool says which when they do not): ``rate-exponent`` (r),
    ``a-dagger``, ``a-tilde``, ``t-coefficient``, ``samples-exponent``,
    ``approximation-exponent``. A Fraction, an :class:`Enclosure` for an infinite family,
    None when the theory leaves it undefined."""
    theory = _theory_flags(smoothness, gamma, arch, class_, p, q, None, precision)
    if not isinstance(quantity, str):
        raise TypeError(f"quantity must be a str such as 'rate-exponent', not {type(quantity).__name__}")
    text = run(["value", quantity, *theory, "--style=fraction"], binary, timeout).strip()
    try:
        return fraction(text)
    except ValueError:
        pass  # an enclosure or an undefined value: take the exact ends from the JSON of the same selection
    report = RateReport.from_json(run_json(["rate", *theory], "rate", binary, timeout), (), binary)
    if len(report.results) != 1 or quantity not in QUANTITY_FIELDS:
        raise OutputError(f"`ratecalc value {quantity}` accepted options that select {len(report.results)} rate results",
                          status=0, arguments=theory)
    return cast(Optional[Certified], getattr(report.results[0], QUANTITY_FIELDS[quantity]))


def check(smoothness: OptionValue, *, gamma: Optional[str] = None, class_: Optional[str] = None,
          arch: Optional[OptionValue] = None, n_min: Optional[int] = None, n_max: Optional[int] = None,
          points: Optional[int] = None, seeds: Optional[int] = None, seed: Optional[int] = None,
          noise: Optional[Union[Number, float]] = None, length: Optional[int] = None, width: Optional[int] = None,
          epochs: Optional[int] = None, min_steps: Optional[int] = None, patience: Optional[int] = None,
          size: Optional[str] = None, oracle_below: Optional[int] = None, window: Optional[int] = None,
          q: Optional[Number] = None, target_level: Optional[Union[Number, float]] = None,
          max_terms: Optional[int] = None, weights: Optional[str] = None, oracle_level: Optional[Union[str, int]] = None,
          test_sequences: Optional[int] = None, log_band: Optional[Union[Number, float]] = None,
          threads: Optional[int] = None, plot: Optional[str] = None, csv: Optional[str] = None,
          binary: Binary = None, timeout: Optional[float] = None) -> CheckReport:
    """``ratecalc check`` (docs/check.md): trains the estimators ``arch`` (``ssm``,
    ``transformer``, ``cnn``, ``fnn``, ``oracle``; default ssm, transformer, oracle) at a
    geometric grid of n, fits test MSE ≍ n^{−r̂} and sets r̂ beside the exact r with a verdict.
    Takes minutes with the defaults (networks are trained). Options as the CLI's; the
    measured settings ``noise``, ``target_level`` and ``log_band`` may be floats. ``window``
    is one window V (the window sweep with several V is the CLI's ``--window 4,8,16``).
    ``plot`` and ``csv`` write the SVG plot and the runs as CSV to those paths."""
    if window is not None and (isinstance(window, bool) or not isinstance(window, int)):
        raise TypeError("window must be one int; the window sweep (several windows) is available from the CLI")
    measured = {name: repr(item) if isinstance(item, float) else item
                for name, item in (("noise", noise), ("target_level", target_level), ("log_band", log_band))}
    arguments = ["check", *flags({
        "smoothness": smoothness, "gamma": gamma, "class_": class_, "arch": arch, "n_min": n_min, "n_max": n_max,
        "points": points, "seeds": seeds, "seed": seed, "noise": measured["noise"], "length": length, "width": width,
        "epochs": epochs, "min_steps": min_steps, "patience": patience, "size": size, "oracle_below": oracle_below,
        "window": window, "q": q, "target_level": measured["target_level"], "max_terms": max_terms, "weights": weights,
        "oracle_level": oracle_level, "test_sequences": test_sequences, "log_band": measured["log_band"],
        "threads": threads, "plot": plot, "csv": csv})]
    return run_check(arguments, binary, timeout)
