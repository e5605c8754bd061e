"""Every Markdown output of ratecalc (rate, samples, check, the window sweep) and the notes
examples of docs/notes.md typeset in headless Chromium with MathJax 3 and with KaTeX: through
Pandoc's HTML (also with the Pandoc filter) and through Python-Markdown with arithmatex (what
MkDocs renders). Every math span must typeset, with no TeX error and no raw TeX left."""
from __future__ import annotations

import pytest

import mathpage
from conftest import BINARY, REPOSITORY, cli, notes_example

TINY = ["--n-min", "32", "--n-max", "128", "--points", "3", "--seeds", "2", "--length", "8", "--width", "8",
        "--epochs", "1", "--min-steps", "4", "--test-sequences", "16", "--target-level", "4", "--threads", "1"]

#: One command per kind of Markdown the tool writes: exact, all architectures and classes,
#: certified enclosures of families, a bound that is not proven, CNN network sizes and a
#: bound at n, sample sizes, check reports (with the CNN's theory note) and the window sweep.
OUTPUTS = {
    "rate-ssm": ["--smoothness", "1,2,4", "--gamma", "anisotropic", "--arch", "ssm"],
    "rate-all": ["--smoothness", "1,2,4", "--arch", "all"],
    "rate-family": ["--smoothness", "poly(c=1,q=2)", "--arch", "all"],
    "rate-tail": ["--smoothness", "1,2,geom(c=4,r=2)", "--gamma", "anisotropic", "--arch", "all"],
    "rate-not-proven": ["--smoothness", "2,2", "--gamma", "mixed", "--arch", "cnn"],
    "rate-cnn-sizes": ["--smoothness", "1,2;3,4", "--p", "3/2", "--q", "1", "--n", "1e4", "--arch", "cnn",
                       "--log-exponent", "2"],
    "samples": ["samples", "--smoothness", "1,2,4", "--error", "1e-2,1e-3,1e-6", "--arch", "all"],
    "samples-family": ["samples", "--smoothness", "poly(c=1,q=2)", "--gamma", "anisotropic"],
    "check": ["check", "--smoothness", "1,2", "--arch", "ssm,transformer,oracle", *TINY],
    "check-cnn": ["check", "--smoothness", "1,2", "--arch", "cnn,fnn,oracle", "--q", "1", *TINY],
    "check-piecewise": ["check", "--smoothness", "1,2", "--class", "piecewise", "--window", "4", *TINY],
    "window-sweep": ["check", "--smoothness", "1,2", "--class", "piecewise", "--window", "2,4", *TINY],
}


@pytest.fixture(scope="module")
def markdown_outputs():
    return {name: cli(arguments + ["--format", "markdown"]).stdout for name, arguments in OUTPUTS.items()}


#: Outputs that write their symbols as Unicode text, with no math to typeset (and none may be left raw).
WITHOUT_MATH = {"window-sweep"}


def assert_all_typeset(results, without_math=()) -> None:
    failures = {name: result.problems(expect_math=name not in without_math) for name, result in results.items()}
    assert not any(failures.values()), "\n".join(
        f"{name}: {problem}" for name, problems in failures.items() for problem in problems)


@pytest.mark.parametrize("route, engine", [("pandoc", "mathjax"), ("pandoc", "katex"), ("arithmatex", "mathjax")])
def test_every_markdown_output_typesets(markdown_outputs, route, engine, tmp_path):
    """Pandoc's HTML with both engines; Python-Markdown with arithmatex (MkDocs' reader) with MathJax."""
    bodies = {name: mathpage.pandoc_html(text, tmp_path) if route == "pandoc" else mathpage.arithmatex_html(text)
              for name, text in markdown_outputs.items()}
    results = mathpage.typeset_sections(bodies, engine, tmp_path, route)
    assert sum(result.rendered for result in results.values()) > 100
    assert_all_typeset(results, WITHOUT_MATH)


@pytest.mark.parametrize("engine", mathpage.ENGINES)
def test_the_notes_example_typesets_through_the_filter_and_after_a_refresh(refreshed_note, engine, tmp_path):
    filtered = mathpage.pandoc_html(notes_example(), tmp_path, REPOSITORY / "integrations" / "pandoc" / "ratecalc.lua",
                                    BINARY.parent)
    assert "<table" in filtered and "8/15" in filtered
    bodies = {"filter": filtered, "refreshed": mathpage.pandoc_html(refreshed_note, tmp_path)}
    if engine == "mathjax":
        bodies["refreshed-arithmatex"] = mathpage.arithmatex_html(refreshed_note)
    assert_all_typeset(mathpage.typeset_sections(bodies, engine, tmp_path, "notes"))


@pytest.mark.parametrize("engine", mathpage.ENGINES)
def test_the_check_fails_on_broken_math(engine, tmp_path):
    """The assertion itself: math that does not typeset, or TeX left as text, is reported."""
    broken = {"unclosed": "$\\frac{1}{$", "undefined": "$\\undefinedmacro x$", "raw": "a stray \\(x\\) delimiter and $1"}
    bodies = {name: mathpage.pandoc_html(f"Fine $x^2$ and broken {text}.\n", tmp_path) for name, text in broken.items()}
    bodies["fine"] = mathpage.pandoc_html("Fine $x^2$ and $n^{-\\frac{8}{15}}$.\n", tmp_path)
    results = mathpage.typeset_sections(bodies, engine, tmp_path, "broken")
    for name in broken:
        assert results[name].problems(), name
    assert results["fine"].rendered == 2 and "<mjx-merror" not in results["fine"].dom
