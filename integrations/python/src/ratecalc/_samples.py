"""``ratecalc samples`` as Python objects: n(ε) ≍ ε^{-1/r} for each target error."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any, Mapping, Optional, Sequence, Tuple

from ._display import Binary, Rendered
from ._results import ResultSequence
from ._exact import Certified, certified, fraction
from ._smoothness import Smoothness


@dataclass(frozen=True)
class SamplesResult:
    """One (class, architecture, γ): the exact exponent 1/r (a Fraction, an Enclosure or
    None) and, per target error in order, the sample size ``n[i] = errors[i]^(−1/r)`` (a
    decimal: irrational in general; None without a rate or outside the double range) and
    its decimal logarithm ``log10_n[i]`` (a Decimal, given whenever there is an exponent;
    None without one)."""

    gamma: str
    arch: str
    class_: str
    source: Optional[str]
    samples_exponent: Optional[Certified]
    theorem_applies: bool
    n: Tuple[Optional[float], ...]
    log10_n: Tuple[Optional[Decimal], ...]

    @staticmethod
    def from_json(document: Mapping[str, Any]) -> "SamplesResult":
        """From one ``results[]`` entry of a samples document."""
        return SamplesResult(document["gamma"], document["arch"], document["class"], document["source"],
                             certified(document["samples_exponent"]), document["theorem_applies"], tuple(document["n"]),
                             tuple(None if item is None else Decimal(item) for item in document.get("log10_n", ())))


@dataclass(frozen=True)
class SamplesReport(Rendered, ResultSequence[SamplesResult]):
    """The output of :func:`ratecalc.samples`: the smoothness, the exact target errors ε and
    one :class:`SamplesResult` per (class, architecture, γ)."""

    smoothness: Smoothness
    errors: Tuple[Fraction, ...]
    results: Tuple[SamplesResult, ...]
    _arguments: Sequence[str] = field(default=(), repr=False, compare=False)
    _binary: Binary = field(default=None, repr=False, compare=False)

    @staticmethod
    def from_json(document: Mapping[str, Any], arguments: Sequence[str] = (), binary: Binary = None) -> "SamplesReport":
        """From a validated ``samples`` document."""
        return SamplesReport(Smoothness.from_json(document["smoothness"]),
                             tuple(fraction(item["exact"]) for item in document["errors"]),
                             tuple(SamplesResult.from_json(item) for item in document["results"]), tuple(arguments), binary)

