"""Math typeset in a real browser: a page of HTML with MathJax 3 or KaTeX, loaded from
local files into headless Chromium, read back with ``--dump-dom``.

MathJax 3 comes from the PyPI package django-static-mathjax (module ``mathjax``), KaTeX from
Debian's libjs-katex, Chromium is Debian's chromium-headless-shell (or chromium); the test
setup (scripts/test-python.sh) installs them. The browser may not resolve any host, so a page
that needed the network would fail here. Undefined TeX macros are errors (MathJax's
``noundefined`` package is removed, KaTeX throws), so a misspelt command cannot pass as red text.
"""
from __future__ import annotations

import html.parser
import json
import os
import pathlib
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from importlib import resources
from typing import Dict, List, Optional

import pytest

KATEX = pathlib.Path("/usr/share/javascript/katex")
ENGINES = ("mathjax", "katex")

#: Shared by every MathJax page, MkDocs' included: records TeX errors and marks the end of typesetting.
MATHJAX_CONFIG = r"""
window.texErrors = [];
window.MathJax = {
  tex: {inlineMath: [['\\(', '\\)']], displayMath: [['\\[', '\\]']], processEscapes: true, processEnvironments: true,
        packages: {'[-]': ['noundefined']},
        formatError: function (jax, error) { window.texErrors.push(error.message); return jax.formatError(error); }},
  options: {ignoreHtmlClass: '.*|', processHtmlClass: 'math|arithmatex'},
  startup: {pageReady: function () {
    return MathJax.startup.defaultPageReady().then(function () {
      document.body.setAttribute('data-math-errors', JSON.stringify(window.texErrors));
      document.body.setAttribute('data-math-done', 'mathjax');
    });
  }}
};
"""

KATEX_RENDER = r"""
document.addEventListener('DOMContentLoaded', function () {
  var errors = [];
  document.querySelectorAll('.math, .arithmatex').forEach(function (element) {
    var tex = element.textContent.trim(), display = false;
    if (tex.startsWith('\\[') && tex.endsWith('\\]')) { display = true; tex = tex.slice(2, -2); }
    else if (tex.startsWith('\\(') && tex.endsWith('\\)')) { tex = tex.slice(2, -2); }
    try { katex.render(tex, element, {displayMode: display, throwOnError: true, strict: 'error'}); }
    catch (error) { errors.push(String(error.message || error)); }
  });
  document.body.setAttribute('data-math-errors', JSON.stringify(errors));
  document.body.setAttribute('data-math-done', 'katex');
});
"""


def mathjax_script() -> pathlib.Path:
    """MathJax 3's tex-chtml component from django-static-mathjax."""
    try:
        path = pathlib.Path(str(resources.files("mathjax"))) / "static" / "mathjax" / "es5" / "tex-chtml.js"
    except ModuleNotFoundError:
        pytest.fail("MathJax 3 missing: pip install django-static-mathjax (scripts/test-python.sh does)")
    if not path.is_file():
        pytest.fail(f"MathJax 3 component missing at {path}")
    return path


def chromium() -> str:
    """The headless Chromium executable."""
    for name in ("chromium-headless-shell", "chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    pytest.fail("no headless Chromium: apt-get install chromium-headless-shell (scripts/test-python.sh does)")


def head(engine: str) -> str:
    """The ``<head>`` scripts of a page typeset by ``engine``."""
    if engine == "mathjax":
        return f"<script>{MATHJAX_CONFIG}</script>\n<script src=\"{mathjax_script().as_uri()}\"></script>"
    if engine == "katex":
        if not (KATEX / "katex.min.js").is_file():
            pytest.fail("KaTeX missing: apt-get install libjs-katex (scripts/test-python.sh does)")
        return (f"<link rel=\"stylesheet\" href=\"{(KATEX / 'katex.min.css').as_uri()}\">\n"
                f"<script src=\"{(KATEX / 'katex.min.js').as_uri()}\"></script>\n<script>{KATEX_RENDER}</script>")
    raise ValueError(engine)


def dump_dom(page: pathlib.Path) -> str:
    """The DOM of ``page`` after its scripts ran (virtual time lets MathJax finish)."""
    with tempfile.TemporaryDirectory(prefix="ratecalc-chromium-") as profile:
        completed = subprocess.run(
            [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files",
             "--host-resolver-rules=MAP * ~NOTFOUND", f"--user-data-dir={profile}", "--virtual-time-budget=30000",
             "--dump-dom", page.as_uri()],
            capture_output=True, text=True, timeout=120)
    if completed.returncode != 0:
        raise AssertionError(f"chromium failed ({completed.returncode}): {completed.stderr[-2000:]}")
    return completed.stdout


class _TextOutsideMath(html.parser.HTMLParser):
    """Collects the text a reader sees outside typeset math, code, scripts and styles."""

    SKIPPED = {"script", "style", "code", "pre", "mjx-container", "annotation"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}

    def __init__(self) -> None:
        super().__init__()
        self.open: List[tuple] = []  # (tag, inside skipped content)
        self.text: List[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        classes = (dict(attrs).get("class") or "").split()
        skipped = tag in self.SKIPPED or "katex" in classes or "katex-display" in classes
        self.open.append((tag, skipped or (bool(self.open) and self.open[-1][1])))

    def handle_endtag(self, tag):
        if any(opened == tag for opened, _ in self.open):
            while self.open and self.open.pop()[0] != tag:
                pass

    def handle_data(self, data):
        if not (self.open and self.open[-1][1]):
            self.text.append(data)


@dataclass
class Typeset:
    """What the browser made of a page."""

    engine: str
    dom: str
    math_in_source: int
    rendered: int
    errors: List[str]
    done: bool
    leftover: List[str]

    def problems(self, expect_math: bool = True) -> List[str]:
        """Every way the math failed to typeset; empty when all of it did (``expect_math``:
        a page without math is a problem too)."""
        found = []
        if not self.done:
            found.append(f"{self.engine} did not finish typesetting")
        if expect_math and self.math_in_source == 0:
            found.append("the page has no math to typeset")
        if self.rendered != self.math_in_source:
            found.append(f"{self.rendered} of {self.math_in_source} math spans typeset")
        found += [f"TeX error: {error}" for error in self.errors]
        if "<mjx-merror" in self.dom or "katex-error\"" in self.dom:
            found.append("an error box (mjx-merror/katex-error) in the page")
        found += [f"raw TeX left in the text: {item!r}" for item in self.leftover]
        return found


#: Markers of math a renderer left as text: dollars, TeX delimiters, TeX commands.
RAW_TEX = re.compile(r"\$|\\[()\[\]]|\\[A-Za-z]+")


def typeset(body: str, engine: str, directory: pathlib.Path, name: str = "page") -> Typeset:
    """Typesets ``body`` (HTML whose math is in ``class="math …"`` or ``class="arithmatex"``
    elements, delimited by ``\\(…\\)``/``\\[…\\]``) with ``engine``."""
    return typeset_sections({name: body}, engine, directory, name)[name]


def typeset_sections(bodies: Dict[str, str], engine: str, directory: pathlib.Path, name: str = "page") -> Dict[str, Typeset]:
    """Typesets several bodies on one page (one browser start), each in its own
    ``<section>``, and reads back what became of each; TeX errors the engine reported are
    given to every section (they cannot be told apart), error boxes and counts per section."""
    sections = "\n".join(f'<section id="output-{key}">\n{body}\n</section>' for key, body in bodies.items())
    page = directory / f"{name}-{engine}.html"
    page.write_text(f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n{head(engine)}\n</head>\n"
                    f"<body>\n{sections}\n</body></html>\n", encoding="utf-8")
    dom = dump_dom(page)
    done = re.search(r'data-math-done="([^"]*)"', dom)
    errors_attribute = re.search(r'data-math-errors="([^"]*)"', dom)
    errors = json.loads(html.unescape(errors_attribute.group(1))) if errors_attribute else []
    results = {}
    for key, body in bodies.items():
        match = re.search(f'<section id="output-{re.escape(key)}">(.*?)</section>', dom, re.S)
        part = match.group(1) if match else ""
        results[key] = Typeset(engine, part, math_elements(body), rendered_count(part, engine), errors,
                               done is not None and done.group(1) == engine, leftover_tex(part))
    return results


def math_elements(html_text: str) -> int:
    """How many math elements a page shows before typesetting (not those inside HTML
    comments, such as a note's ``<!-- ratecalc:value … --template '$…$' -->`` marker)."""
    shown = re.sub(r"<!--.*?-->", "", html_text, flags=re.S)
    return len(re.findall(r'class="(?:math(?: [^"]*)?|arithmatex)"', shown))


def rendered_count(dom: str, engine: str) -> int:
    """How many math elements ``engine`` typeset in ``dom``."""
    if engine == "mathjax":
        return dom.count("<mjx-container")
    inline = len(re.findall(r'<span class="katex"(?:>| )', dom))
    display = len(re.findall(r'<span class="katex-display"', dom))
    return inline + display - len(re.findall(r'<span class="katex-display"><span class="katex"', dom))


def leftover_tex(dom: str) -> List[str]:
    """The raw TeX (dollars, delimiters, commands) left in the text outside math and code."""
    parser = _TextOutsideMath()
    parser.feed(dom)
    return sorted(set(RAW_TEX.findall(" ".join(parser.text))))


def read_back(page: pathlib.Path, engine: str, math_in_source: int) -> Typeset:
    """Loads a page written elsewhere (a built site) and reads what its math became."""
    dom = dump_dom(page)
    done = re.search(r'data-math-done="([^"]*)"', dom)
    errors_attribute = re.search(r'data-math-errors="([^"]*)"', dom)
    errors = json.loads(html.unescape(errors_attribute.group(1))) if errors_attribute else []
    body = "<body" + dom.split("<body", 1)[-1]
    return Typeset(engine, dom, math_in_source, rendered_count(dom, engine), errors,
                   done is not None and done.group(1) == engine, leftover_tex(body))


def pandoc_html(markdown: str, directory: pathlib.Path, lua_filter: Optional[pathlib.Path] = None,
                binary_directory: Optional[pathlib.Path] = None) -> str:
    """Pandoc's HTML fragment of ``markdown`` with MathJax-style math spans (what
    ``pandoc --mathjax`` writes), optionally through a Lua filter."""
    source = directory / "source.md"
    source.write_text(markdown, encoding="utf-8")
    arguments = ["pandoc", "-f", "markdown", "-t", "html5", "--mathjax", "--wrap=none", str(source)]
    if lua_filter is not None:
        arguments[1:1] = ["--lua-filter", str(lua_filter)]
    environment = dict(os.environ)
    if binary_directory is not None:
        environment["PATH"] = f"{binary_directory}{os.pathsep}{environment.get('PATH', '')}"
    completed = subprocess.run(arguments, capture_output=True, text=True, cwd=directory, env=environment, timeout=120)
    if completed.returncode != 0:
        raise AssertionError(f"pandoc failed: {completed.stderr}")
    return completed.stdout


def arithmatex_html(markdown: str) -> str:
    """Python-Markdown's HTML of ``markdown`` with pymdown-extensions' arithmatex (generic
    mode), the Markdown and math that MkDocs renders."""
    import markdown as python_markdown
    return python_markdown.markdown(markdown, extensions=["tables", "pymdownx.arithmatex"],
                                    extension_configs={"pymdownx.arithmatex": {"generic": True}})
