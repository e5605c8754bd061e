"""A report that is a sequence of its results."""
from __future__ import annotations

from typing import Generic, Iterator, Tuple, TypeVar

Result = TypeVar("Result")


class ResultSequence(Generic[Result]):
    """Iterating, indexing and ``len`` of a report go to its ``results`` tuple."""

    results: Tuple[Result, ...]

    def __iter__(self) -> Iterator[Result]:
        return iter(self.results)

    def __len__(self) -> int:
        return len(self.results)

    def __getitem__(self, index: int) -> Result:
        return self.results[index]
