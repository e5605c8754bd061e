"""Examples/notebooks/ratecalc.ipynb executed headless with nbclient: it runs without
error, a cell shows Fraction(8, 15), and its Markdown outputs typeset in a browser."""
from __future__ import annotations

import nbclient
import nbformat
import pytest

import mathpage
from conftest import REPOSITORY

NOTEBOOK = REPOSITORY / "Examples" / "notebooks" / "ratecalc.ipynb"


@pytest.fixture(scope="module")
def executed():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    assert not any(cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"), \
        "the notebook is stored without outputs; they come from running it"
    nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    return notebook


def outputs(notebook, mime):
    return [output["data"][mime] for cell in notebook.cells if cell.cell_type == "code"
            for output in cell.outputs if "data" in output and mime in output["data"]]


def test_the_notebook_runs_and_shows_the_rate_as_a_fraction(executed):
    assert not [o for cell in executed.cells if cell.cell_type == "code" for o in cell.outputs if o.output_type == "error"]
    assert "Fraction(8, 15)" in outputs(executed, "text/plain")
    assert any("Fraction(4, 7)" in text for text in outputs(executed, "text/plain"))


def test_the_notebooks_markdown_outputs_typeset(executed, tmp_path):
    markdown = outputs(executed, "text/markdown")
    assert len(markdown) >= 3 and any("$8/15$" in text for text in markdown)
    assert outputs(executed, "text/latex"), "results offer LaTeX too (nbconvert's LaTeX/PDF export)"
    results = mathpage.typeset_sections({f"output-{index}": mathpage.arithmatex_html(text) for index, text in enumerate(markdown)},
                                        "mathjax", tmp_path, "notebook")
    problems = [f"{name}: {problem}" for name, result in results.items() for problem in result.problems()]
    assert not problems, "\n".join(problems)
