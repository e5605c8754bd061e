"""Exact values of ratecalc's JSON output: ``fractions.Fraction`` and certified enclosures.

Every exact number in the JSON (docs/json-schema.md) is a string in lowest terms such as
``"8/15"``; it becomes a :class:`fractions.Fraction` without passing through a float. A
value known only as a certified enclosure ``lower <= x <= upper`` (infinite smoothness
families, docs/families.md) becomes an :class:`Enclosure`, a pair of Fractions.
"""
from __future__ import annotations

import re
from fractions import Fraction
from typing import Any, Mapping, Optional, Tuple, Union

#: An exact rational as the JSON writes it: ``-?p`` or ``-?p/q``.
RATIONAL = re.compile(r"-?[0-9]+(/[0-9]+)?")


class Enclosure(Tuple[Fraction, Fraction]):
    """A real number known as a certified enclosure: the pair ``(lower, upper)`` of Fractions.

    ``lower <= x <= upper`` holds for the true value ``x``; ``symbolic`` (plain text, e.g.
    ``"12/(12 + π^2)"``) and ``symbolic_latex`` give its closed form when one exists.
    Compares equal to the plain tuple ``(lower, upper)``; unpack it as ``lo, hi = e``.
    """

    lower: Fraction
    upper: Fraction
    symbolic: Optional[str]
    symbolic_latex: Optional[str]

    def __new__(cls, lower: Fraction, upper: Fraction, symbolic: Optional[str] = None,
                symbolic_latex: Optional[str] = None) -> "Enclosure":
        if not (isinstance(lower, Fraction) and isinstance(upper, Fraction)):
            raise TypeError("an Enclosure's ends must be Fractions")
        if lower > upper:
            raise ValueError(f"an Enclosure needs lower <= upper, got {lower} > {upper}")
        pair = super().__new__(cls, (lower, upper))
        pair.lower, pair.upper = lower, upper
        pair.symbolic, pair.symbolic_latex = symbolic, symbolic_latex
        return pair

    @property
    def width(self) -> Fraction:
        """``upper - lower``, exactly."""
        return self.upper - self.lower

    @property
    def midpoint(self) -> Fraction:
        """``(lower + upper) / 2``, exactly."""
        return (self.lower + self.upper) / 2

    def __contains__(self, value: object) -> bool:
        """``x in e``: whether the rational ``x`` lies in ``[lower, upper]``."""
        if isinstance(value, (int, Fraction)) and not isinstance(value, bool):
            return self.lower <= value <= self.upper
        return False

    def __repr__(self) -> str:
        closed = f", symbolic={self.symbolic!r}" if self.symbolic is not None else ""
        return f"Enclosure({self.lower!r}, {self.upper!r}{closed})"


#: An exact value of the theory: a Fraction, or an Enclosure where only bounds are known.
Certified = Union[Fraction, Enclosure]


#: Digits converted by one ``int()`` call: below Python's default limit on int-from-text
#: conversions (4300 digits since 3.11), which ratecalc's exact results exceed (docs/limits.md).
_CHUNK_DIGITS = 4000


def _integer(digits: str) -> int:
    """``int(digits)`` for any number of decimal digits, by halves (no global limit changed)."""
    if len(digits) <= _CHUNK_DIGITS:
        return int(digits)
    half = len(digits) // 2
    scale: int = 10 ** (len(digits) - half)
    return _integer(digits[:half]) * scale + _integer(digits[half:])


def integer_text(value: int) -> str:
    """``str(value)`` for an int of any size, by halves (the inverse of reading it)."""
    if value < 0:
        return "-" + integer_text(-value)
    if value < 10 ** _CHUNK_DIGITS:
        return str(value)
    half = max(_CHUNK_DIGITS, (value.bit_length() * 3 // 10) // 2)
    scale: int = 10 ** half
    high, low = divmod(value, scale)
    return integer_text(high) + integer_text(low).rjust(half, "0")


def fraction_text(value: Fraction) -> str:
    """``"p/q"`` (``"p"`` for an integer) of a Fraction of any size."""
    numerator = integer_text(value.numerator)
    return numerator if value.denominator == 1 else numerator + "/" + integer_text(value.denominator)


def fraction(text: str) -> Fraction:
    """The Fraction of an exact string ``"p/q"`` or ``"p"`` (never through a float), of any length."""
    if not isinstance(text, str) or RATIONAL.fullmatch(text) is None:
        raise ValueError(f"not an exact rational string: {text!r}")
    sign = -1 if text.startswith("-") else 1
    numerator, _, denominator = text.lstrip("-").partition("/")
    return Fraction(sign * _integer(numerator), _integer(denominator) if denominator else 1)


def optional_fraction(text: Optional[str]) -> Optional[Fraction]:
    """:func:`fraction`, with ``None`` for a JSON null."""
    return None if text is None else fraction(text)


def certified(value: Optional[Mapping[str, Any]]) -> Optional[Certified]:
    """A JSON exact value ``{"exact": "8/15", …}`` as a Fraction, an enclosure
    ``{"exact": null, "lower": …, "upper": …}`` as an :class:`Enclosure`, null as ``None``."""
    if value is None:
        return None
    if value.get("exact") is not None:
        return fraction(value["exact"])
    return Enclosure(fraction(value["lower"]), fraction(value["upper"]),
                     value.get("symbolic"), value.get("symbolic_latex"))
