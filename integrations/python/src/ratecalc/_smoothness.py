"""The ``smoothness`` object shared by every JSON document."""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Mapping, Optional, Tuple, Union

from ._exact import RATIONAL, fraction


@dataclass(frozen=True)
class Smoothness:
    """The smoothness the tool read: its entries (row-major; a finite entry as an exact
    Fraction, the family that continues a vector as its text, e.g. ``"poly(c=3,q=2)"``), the
    shape (``rows`` positions × ``columns`` features; both None for an infinite family) and,
    for a family, the whole text such as ``"1,2,poly(c=3,q=2)"``."""

    entries: Tuple[Union[Fraction, str], ...]
    rows: Optional[int]
    columns: Optional[int]
    text: Optional[str] = None

    @staticmethod
    def from_json(document: Mapping[str, Any]) -> "Smoothness":
        """From the JSON ``smoothness`` object (docs/json-schema.md)."""
        return Smoothness(tuple(fraction(entry) if RATIONAL.fullmatch(entry) else entry for entry in document["entries"]),
                          document["rows"], document["columns"], document.get("text"))
