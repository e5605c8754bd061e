"""Documentation sites built from docs/notes.md's example note after `ratecalc notes`
refreshed it: MkDocs (pymdown-extensions arithmatex) and Sphinx (MyST's dollarmath), each
with MathJax 3 from local files; every math span must typeset in Chromium."""
from __future__ import annotations

import pathlib
import subprocess
import sys
from typing import Dict, List

import mathpage


def built_site_typesets(root: pathlib.Path, files: Dict[str, str], build: List[str], page: str) -> None:
    """Writes the site's ``files`` under ``root``, builds it with ``python -m BUILD…`` and
    checks the math of the built ``page``."""
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    built = subprocess.run([sys.executable, "-m", *build], cwd=root, capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stdout + built.stderr
    source = (root / page).read_text(encoding="utf-8")
    assert "8/15" in source and "<table" in source, "the refreshed block's table is on the page"
    result = mathpage.read_back(root / page, "mathjax", mathpage.math_elements(source))
    assert not result.problems(), "\n".join(result.problems())


def test_a_refreshed_note_typesets_on_an_mkdocs_page(refreshed_note, tmp_path):
    built_site_typesets(tmp_path, {
        "docs/index.md": refreshed_note,
        "docs/javascripts/mathjax-config.js": mathpage.MATHJAX_CONFIG,
        "mkdocs.yml": "site_name: ratecalc notes\n"
                      "theme:\n  name: mkdocs\n  highlightjs: false\n"
                      "markdown_extensions:\n  - tables\n  - pymdownx.arithmatex:\n      generic: true\n"
                      f"extra_javascript:\n  - javascripts/mathjax-config.js\n  - {mathpage.mathjax_script().as_uri()}\n",
    }, ["mkdocs", "build", "--strict", "--quiet"], "site/index.html")


def test_a_refreshed_note_typesets_on_a_sphinx_myst_page(refreshed_note, tmp_path):
    built_site_typesets(tmp_path, {
        "source/index.md": refreshed_note,
        "source/_static/mathjax-config.js": mathpage.MATHJAX_CONFIG,
        "source/conf.py": "project = 'ratecalc notes'\n"
                          "extensions = ['myst_parser']\n"
                          "myst_enable_extensions = ['dollarmath']\n"
                          "suppress_warnings = ['misc.highlighting_failure']  # the ratecalc block has no Pygments lexer\n"
                          "html_static_path = ['_static']\n"
                          "html_js_files = ['mathjax-config.js']\n"
                          f"mathjax_path = {mathpage.mathjax_script().as_uri()!r}\n",
    }, ["sphinx", "-W", "-q", "-b", "html", "source", "html"], "html/index.html")
