"""Documentation sites built from docs/notes.md's example note after `ratecalc notes`
refreshed it: MkDocs (pymdown-extensions arithmatex) and Sphinx (MyST's dollarmath), each
with MathJax 3 from local files; every math span must typeset in Chromium."""
from __future__ import annotations

import pathlib
import subprocess
import sys

import mathpage


def built_page(root: pathlib.Path, arguments, page: pathlib.Path) -> mathpage.Typeset:
    built = subprocess.run([sys.executable, "-m", *arguments], cwd=root, capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stdout + built.stderr
    source = page.read_text(encoding="utf-8")
    assert "8/15" in source and "<table" in source, "the refreshed block's table is on the page"
    return mathpage.read_back(page, "mathjax", mathpage.math_elements(source))


def test_a_refreshed_note_typesets_on_an_mkdocs_page(refreshed_note, tmp_path):
    docs = tmp_path / "docs"
    (docs / "javascripts").mkdir(parents=True)
    (docs / "index.md").write_text(refreshed_note, encoding="utf-8")
    (docs / "javascripts" / "mathjax-config.js").write_text(mathpage.MATHJAX_CONFIG, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: ratecalc notes\n"
        "theme:\n  name: mkdocs\n  highlightjs: false\n"
        "markdown_extensions:\n  - tables\n  - pymdownx.arithmatex:\n      generic: true\n"
        f"extra_javascript:\n  - javascripts/mathjax-config.js\n  - {mathpage.mathjax_script().as_uri()}\n",
        encoding="utf-8")
    result = built_page(tmp_path, ["mkdocs", "build", "--strict", "--quiet"], tmp_path / "site" / "index.html")
    assert not result.problems(), "\n".join(result.problems())


def test_a_refreshed_note_typesets_on_a_sphinx_myst_page(refreshed_note, tmp_path):
    source = tmp_path / "source"
    (source / "_static").mkdir(parents=True)
    (source / "index.md").write_text(refreshed_note, encoding="utf-8")
    (source / "_static" / "mathjax-config.js").write_text(mathpage.MATHJAX_CONFIG, encoding="utf-8")
    (source / "conf.py").write_text(
        "project = 'ratecalc notes'\n"
        "extensions = ['myst_parser']\n"
        "myst_enable_extensions = ['dollarmath']\n"
        "html_static_path = ['_static']\n"
        "html_js_files = ['mathjax-config.js']\n"
        "suppress_warnings = ['misc.highlighting_failure']  # the ratecalc block's language has no Pygments lexer\n"
        f"mathjax_path = {mathpage.mathjax_script().as_uri()!r}\n",
        encoding="utf-8")
    result = built_page(tmp_path, ["sphinx", "-W", "-q", "-b", "html", "source", "html"], tmp_path / "html" / "index.html")
    assert not result.problems(), "\n".join(result.problems())
