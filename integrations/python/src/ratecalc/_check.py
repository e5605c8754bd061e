"""``ratecalc check`` as Python objects: the report with its estimators and every run.

Measured numbers (test MSE, seconds, fitted exponents) are floats, as in the JSON; the
theory's rate is exact. The report renders in a notebook through ``ratecalc merge`` of the
run file the check wrote, so the Markdown and LaTeX views are the tool's own and the
networks are not trained again.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Dict, Iterator, Mapping, Optional, Sequence, Tuple

from ._display import Binary, Rendered
from ._exact import fraction
from ._runner import parse_json, run
from ._smoothness import Smoothness

#: The name ``ratecalc check`` gives the run file of an unsharded check in ``--out DIR``.
RUN_FILE = "shard-1-of-1.json"


@dataclass(frozen=True)
class Training:
    """How a network's training ended: ``steps`` of at most ``step_cap``, ``stop_reason``
    ``plateau`` (converged), ``budget`` (still improving at the cap) or ``interrupted``."""

    steps: int
    step_cap: int
    stop_reason: str
    final_train_mse: Optional[float]
    best_validation_mse: Optional[float]
    training_rows: int

    @staticmethod
    def from_json(document: Mapping[str, Any]) -> "Training":
        """From a run's ``training`` object."""
        return Training(document["steps"], document["step_cap"], document["stop_reason"], document["final_train_mse"],
                        document["best_validation_mse"], document["training_rows"])


@dataclass(frozen=True)
class Run:
    """One trained estimator: ``estimator`` at ``n`` training sequences, replicate
    ``replicate`` (0 … seeds−1), its ``test_mse`` (None when not finite), wall ``seconds``,
    ``details`` (networks: epochs, parameters, width, threads; oracle: level, basis_size,
    validation_mse) and ``training`` (networks only)."""

    estimator: str
    n: int
    replicate: int
    test_mse: Optional[float]
    seconds: float
    details: Mapping[str, Any]
    training: Optional[Training]

    @staticmethod
    def from_json(estimator: str, document: Mapping[str, Any]) -> "Run":
        """From one ``runs[]`` entry of the estimator ``estimator``."""
        training = document.get("training")
        return Run(estimator, document["n"], document["replicate"], document["test_mse"], document["seconds"],
                   dict(document["details"]), None if training is None else Training.from_json(training))


@dataclass(frozen=True)
class SizeRow:
    """An estimator's runs at one n: their count and test-MSE statistics (``sd_log_mse``,
    the sample sd of ln MSE, None for one run)."""

    n: int
    runs: int
    mean_test_mse: Optional[float]
    min_test_mse: Optional[float]
    max_test_mse: Optional[float]
    sd_log_mse: Optional[float]
    mean_seconds: Optional[float]

    @staticmethod
    def from_json(document: Mapping[str, Any]) -> "SizeRow":
        """From one ``table[]`` entry."""
        return SizeRow(document["n"], document["runs"], document["mean_test_mse"], document.get("min_test_mse"),
                       document.get("max_test_mse"), document.get("sd_log_mse"), document.get("mean_seconds"))


@dataclass(frozen=True)
class Estimator:
    """One estimator's fit: r̂ = ``fitted_exponent`` (−slope of ln MSE on ln n) with its 95 %
    ``interval``, the ``verdict`` against the theory's r and its one-line ``explanation``;
    ``convergence`` and ``efficiency`` (c = n/n_eq against the oracle) as in
    docs/json-schema.md (plain dicts), and every run."""

    name: str
    runs: Tuple[Run, ...]
    table: Tuple[SizeRow, ...]
    fitted_exponent: Optional[float]
    interval: Optional[Tuple[float, float]]
    interval_method: Optional[str]
    points: int
    verdict: str
    explanation: str
    convergence: Optional[Mapping[str, Any]] = None
    efficiency: Optional[Mapping[str, Any]] = None
    theory_note: Optional[str] = None

    @staticmethod
    def from_json(document: Mapping[str, Any]) -> "Estimator":
        """From one ``estimators[]`` entry."""
        interval = document["interval"]
        return Estimator(document["name"], tuple(Run.from_json(document["name"], item) for item in document["runs"]),
                         tuple(SizeRow.from_json(item) for item in document["table"]), document["fitted_exponent"],
                         None if interval is None else (interval[0], interval[1]), document["interval_method"],
                         document["points"], document["verdict"], document["explanation"], document.get("convergence"),
                         document.get("efficiency"), document.get("theory_note"))


@dataclass(frozen=True)
class ExponentDifference:
    """r̂(SSM) − r̂(Transformer) with its paired-bootstrap interval over ``pairs`` runs."""

    difference: Optional[float]
    interval: Optional[Tuple[float, float]]
    interval_method: Optional[str]
    pairs: int

    @staticmethod
    def from_json(document: Mapping[str, Any]) -> "ExponentDifference":
        """From the ``ssm_minus_transformer`` object."""
        interval = document.get("interval")
        return ExponentDifference(document.get("difference"), None if interval is None else (interval[0], interval[1]),
                                  document.get("interval_method"), document.get("pairs", 0))


@dataclass(frozen=True)
class CheckReport(Rendered):
    """The output of :func:`ratecalc.check` (docs/json-schema.md, ``ratecalc check``): the
    exact theory rate ``rate_exponent``, the ``settings``, ``target`` and ``log_band`` (plain
    dicts), one :class:`Estimator` per estimator with its runs, and the SSM − Transformer
    difference. ``runs`` lists every run of every estimator. In a notebook it displays as
    the tool's ``--format markdown`` report."""

    smoothness: Smoothness
    gamma: str
    class_: str
    rate_exponent: Fraction
    settings: Mapping[str, Any]
    target: Mapping[str, Any]
    log_band: Mapping[str, Any]
    estimators: Tuple[Estimator, ...]
    ssm_minus_transformer: Optional[ExponentDifference]
    oracle_curve: Tuple[Mapping[str, Any], ...]
    ideal_projection_exponent: Optional[float]
    complete: bool
    missing_runs: int
    bootstrap_samples: int
    _run_file: str = field(default="", repr=False, compare=False)
    _binary: Binary = field(default=None, repr=False, compare=False)

    @staticmethod
    def from_json(document: Mapping[str, Any], run_file: str = "", binary: Binary = None) -> "CheckReport":
        """From a validated ``check`` document; ``run_file`` is the text of the run file the
        check wrote (what the renderings merge)."""
        difference = document["ssm_minus_transformer"]
        return CheckReport(
            Smoothness.from_json(document["smoothness"]), document["gamma"], document["class"],
            fraction(document["theory"]["rate_exponent"]["exact"]), dict(document["settings"]), dict(document["target"]),
            dict(document["log_band"]), tuple(Estimator.from_json(item) for item in document["estimators"]),
            None if difference is None else ExponentDifference.from_json(difference),
            tuple(document.get("oracle_curve", ())), document.get("ideal_projection_exponent"), document["complete"],
            document["missing_runs"], document["bootstrap_samples"], run_file, binary)

    @property
    def runs(self) -> Tuple[Run, ...]:
        """Every run, estimator by estimator (settings order), then n, then replicate."""
        return tuple(item for estimator in self.estimators for item in estimator.runs)

    def estimator(self, name: str) -> Estimator:
        """The estimator called ``name`` (``ssm``, ``transformer``, ``cnn``, ``fnn``, ``oracle``)."""
        for item in self.estimators:
            if item.name == name:
                return item
        raise LookupError(f"no estimator {name!r} in this check; it has {', '.join(e.name for e in self.estimators)}")

    def __iter__(self) -> Iterator[Estimator]:
        return iter(self.estimators)

    def _render(self, output_format: str) -> str:
        if not self._run_file:
            raise ValueError("this CheckReport has no run file to render (build it with ratecalc.check)")
        with tempfile.TemporaryDirectory(prefix="ratecalc-check-") as directory:
            with open(os.path.join(directory, RUN_FILE), "w", encoding="utf-8") as handle:
                handle.write(self._run_file)
            return run(["merge", directory, f"--format={output_format}"], self._binary)


def run_check(arguments: Sequence[str], binary: Binary, timeout: Optional[float]) -> CheckReport:
    """Runs ``ratecalc check ARGUMENTS --out=TMP --format=json``, validates the report and
    keeps the run file for the renderings."""
    with tempfile.TemporaryDirectory(prefix="ratecalc-check-") as directory:
        text = run([*arguments, f"--out={directory}", "--format=json"], binary, timeout)
        path = os.path.join(directory, RUN_FILE)
        run_file = ""
        if os.path.exists(path):
            with open(path, encoding="utf-8") as handle:
                run_file = handle.read()
    document: Dict[str, Any] = parse_json(text, "check", arguments)
    return CheckReport.from_json(document, run_file, binary)
