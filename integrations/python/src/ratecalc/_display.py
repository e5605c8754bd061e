"""How a result shows itself in Jupyter: ``_repr_markdown_`` and ``_repr_latex_`` return
the tool's own ``--format markdown`` and ``--format latex`` output for the same command
(rendered by ratecalc, not re-rendered here), computed on first display and kept."""
from __future__ import annotations

import os
from typing import Dict, Optional, Sequence, Union

from ._runner import run

Binary = Optional[Union[str, "os.PathLike[str]"]]


class Rendered:
    """A result that knows the command it came from and renders through it.

    Subclasses have ``_arguments`` (the command line without ``--format``) and ``_binary``
    fields, or override :meth:`_render`.
    """

    _arguments: Sequence[str] = ()
    _binary: Binary = None
    _renderings: Dict[str, str]

    def _render(self, output_format: str) -> str:
        return run([*self._arguments, f"--format={output_format}"], self._binary)

    def rendered(self, output_format: str) -> str:
        """The tool's rendering of this result: ``"text"``, ``"markdown"``, ``"latex"`` or ``"typst"``."""
        if output_format not in ("text", "markdown", "latex", "typst"):
            raise ValueError(f"output_format must be text, markdown, latex or typst, not {output_format!r}")
        cache: Dict[str, str] = self.__dict__.setdefault("_renderings", {})
        if output_format not in cache:
            cache[output_format] = self._render(output_format)
        return cache[output_format]

    def _repr_markdown_(self) -> str:
        """Jupyter's Markdown view: ``--format markdown`` (``$…$`` math)."""
        return self.rendered("markdown")

    def _repr_latex_(self) -> str:
        """Jupyter's LaTeX view (used by nbconvert's LaTeX/PDF export): ``--format latex``."""
        return self.rendered("latex")

    def __str__(self) -> str:
        return self.rendered("text")

