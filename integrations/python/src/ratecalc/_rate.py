"""``ratecalc rate`` as Python objects: :class:`RateReport` with one :class:`RateResult`
per (class, architecture, γ), every exact quantity a Fraction (or an Enclosure)."""
from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Mapping, Optional, Sequence, Tuple

from ._display import Binary, Rendered
from ._results import ResultSequence
from ._exact import Certified, certified, fraction, optional_fraction
from ._smoothness import Smoothness


@dataclass(frozen=True)
class Condition:
    """One hypothesis of a theorem, decided exactly: ``holds`` is True, False or None (not
    applicable or undecided); ``status`` the same as a word; ``role`` ``required``,
    ``hypothesis of Theorem N`` or ``informational``; ``detail`` the numbers, e.g. ``4/7 > 0``."""

    name: str
    holds: Optional[bool]
    status: str
    required: bool
    hypothesis_of: Optional[str]
    role: str
    detail: str

    @staticmethod
    def from_json(document: Mapping[str, Any]) -> "Condition":
        """From one ``conditions[]`` entry."""
        return Condition(document["name"], document["holds"], document["status"], document["required"],
                         document["hypothesis_of"], document["role"], document["detail"])


@dataclass(frozen=True)
class Bound:
    """The risk bound, e.g. ``text="Õ(n^(-8/15))"``, ``latex="\\tilde{O}(n^{-8/15})"``."""

    text: str
    latex: str


@dataclass(frozen=True)
class NetworkSize:
    """O22 Theorem 9's CNN sizes (with ``q``): ``W ≍ n^e (log n)^{width}``,
    ``S ≍ n^e (log n)^{sparsity}``, ``L ≍ (log n)^{depth}``, ``W′ ≍ C′ ≍ (log n)^{1/q}``."""

    source: str
    n_exponent: Certified
    width_log_exponent: Fraction
    sparsity_log_exponent: Fraction
    depth_log_exponent: Fraction
    filter_width_log_exponent: Fraction
    channels_log_exponent: Fraction

    @staticmethod
    def from_json(document: Mapping[str, Any]) -> "NetworkSize":
        """From the ``network_size`` object."""
        def exact(key: str) -> Fraction:
            return fraction(document[key]["exact"])

        return NetworkSize(document["source"], certified(document["n_exponent"]),  # type: ignore[arg-type]
                           exact("width_log_exponent"), exact("sparsity_log_exponent"), exact("depth_log_exponent"),
                           exact("filter_width_log_exponent"), exact("channels_log_exponent"))


@dataclass(frozen=True)
class RateAtN:
    """The bound at one sample size (``n=`` option): ``n`` exact; the main term ``n^{-r}``,
    its log10 (a decimal string, always given), the term with the polylog factor and the
    level T(n) are decimals (None outside the double range)."""

    n: Fraction
    main_term: Optional[float]
    main_term_log10: Optional[str]
    main_term_with_log: Optional[float]
    T: Optional[float]

    @staticmethod
    def from_json(document: Mapping[str, Any]) -> "RateAtN":
        """From the ``at_n`` object."""
        return RateAtN(fraction(document["n"]), document["main_term"], document.get("main_term_log10"),
                       document["main_term_with_log"], document["T"])


@dataclass(frozen=True)
class RateResult:
    """One (class, architecture, γ) of a rate report (docs/json-schema.md, ``results[]``).

    ``rate_exponent`` is r in ``E‖f̂ − f°‖² ≲ n^{-r} · polylog(n)``; ``a_dagger`` a†;
    ``a_tilde`` ã = Σ 1/a_k (anisotropic only); ``T_coefficient`` c in T(n) = c·log₂ n;
    ``samples_exponent`` 1/r; ``approximation_exponent`` 1 − v/a†. Each is a Fraction, an
    :class:`~ratecalc.Enclosure` (infinite families) or None (no theorem, or a† ≤ v).
    ``theorem_applies`` False means the value is the formula's, **not proven**.
    """

    gamma: str
    arch: str
    class_: str
    source: Optional[str]
    theorem: Optional[str]
    provenance: Optional[str]
    a_dagger: Certified
    a_tilde: Optional[Certified]
    rate_exponent: Optional[Certified]
    T_coefficient: Optional[Certified]
    samples_exponent: Optional[Certified]
    approximation_exponent: Optional[Certified]
    log_exponent: Optional[Fraction]
    log_exponent_origin: Optional[str]
    theorem_applies: bool
    proven_by: Tuple[str, ...]
    bound: Optional[Bound]
    conditions: Tuple[Condition, ...]
    note: Optional[str] = None
    network_size: Optional[NetworkSize] = None
    at_n: Optional[RateAtN] = None

    @staticmethod
    def from_json(document: Mapping[str, Any]) -> "RateResult":
        """From one ``results[]`` entry."""
        log_exponent = document["log_exponent"]
        return RateResult(
            gamma=document["gamma"], arch=document["arch"], class_=document["class"], source=document["source"],
            theorem=document["theorem"], provenance=document["provenance"],
            a_dagger=certified(document["a_dagger"]),  # type: ignore[arg-type]
            a_tilde=certified(document.get("a_tilde")), rate_exponent=certified(document["rate_exponent"]),
            T_coefficient=certified(document["T_coefficient"]), samples_exponent=certified(document["samples_exponent"]),
            approximation_exponent=certified(document["approximation_exponent"]),
            log_exponent=None if log_exponent is None else fraction(log_exponent["exact"]),
            log_exponent_origin=document["log_exponent_origin"], theorem_applies=document["theorem_applies"],
            proven_by=tuple(document["proven_by"]),
            bound=None if document["bound"] is None else Bound(document["bound"]["text"], document["bound"]["latex"]),
            conditions=tuple(Condition.from_json(item) for item in document["conditions"]), note=document.get("note"),
            network_size=None if document.get("network_size") is None else NetworkSize.from_json(document["network_size"]),
            at_n=None if document.get("at_n") is None else RateAtN.from_json(document["at_n"]))


@dataclass(frozen=True)
class RateReport(Rendered, ResultSequence[RateResult]):
    """The output of :func:`ratecalc.rate`: the smoothness, ``p``/``q``/``n`` as given (None:
    not given; ``p`` None means p ≥ 2), ``v = (1/p − 1/2)₊`` and the results, in the tool's
    order (class, architecture, γ). Iterate it, index it, or pick one with :meth:`result`.
    In a notebook it displays as the tool's ``--format markdown`` table."""

    smoothness: Smoothness
    p: Optional[Fraction]
    q: Optional[Fraction]
    v: Fraction
    n: Optional[Fraction]
    results: Tuple[RateResult, ...]
    _arguments: Sequence[str] = field(default=(), repr=False, compare=False)
    _binary: Binary = field(default=None, repr=False, compare=False)

    @staticmethod
    def from_json(document: Mapping[str, Any], arguments: Sequence[str] = (), binary: Binary = None) -> "RateReport":
        """From a validated ``rate`` document; ``arguments`` (without ``--format``) re-render it."""
        return RateReport(Smoothness.from_json(document["smoothness"]), optional_fraction(document["p"]),
                          optional_fraction(document["q"]), fraction(document["v"]["exact"]), optional_fraction(document["n"]),
                          tuple(RateResult.from_json(item) for item in document["results"]), tuple(arguments), binary)

    def result(self, arch: Optional[str] = None, gamma: Optional[str] = None, class_: Optional[str] = None) -> RateResult:
        """The one result with these fields (``class_`` as in the JSON: ``gamma-smooth`` or
        ``piecewise-gamma-smooth``); LookupError unless exactly one matches."""
        matches = [item for item in self.results
                   if (arch is None or item.arch == arch) and (gamma is None or item.gamma == gamma)
                   and (class_ is None or item.class_ == class_)]
        if len(matches) != 1:
            raise LookupError(f"{len(matches)} results match arch={arch!r}, gamma={gamma!r}, class_={class_!r}; expected exactly one")
        return matches[0]
