#!/bin/sh
# The Python package's tests and the math-in-a-browser tests (docs/python.md, docs/notes.md).
# Installs what is missing: Debian's chromium-headless-shell, libjs-katex and python3-venv
# besides the system dependencies (scripts/install-system-deps.sh; apt-get, as root), and a
# virtual environment .build-python/venv holding integrations/python with its test extras
# (pytest, nbclient, ipykernel, django-static-mathjax for MathJax 3, mkdocs, pymdown-extensions,
# sphinx, myst-parser; from PyPI). Then runs pytest on integrations/python/tests against the
# ratecalc executable $RATECALC_BINARY, by default .build/debug/ratecalc (built here when
# missing; `swift test` has built it already). pytest's exit status 5 (no test ran) fails too.
set -eu
cd "$(dirname "$0")/.."
./scripts/install-system-deps.sh chromium-headless-shell libjs-katex python3-venv
if [ -z "${RATECALC_BINARY:-}" ]; then
    swift build --product ratecalc
    RATECALC_BINARY="$PWD/.build/debug/ratecalc"
fi
export RATECALC_BINARY
venv=.build-python/venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "./integrations/python[test]"
# The package itself afresh (same version number, changed code).
"$venv/bin/pip" install --quiet --disable-pip-version-check --no-deps --force-reinstall ./integrations/python
status=0
"$venv/bin/python" -m pytest -q -p no:cacheprovider integrations/python/tests || status=$?
if [ "$status" -eq 5 ]; then
    echo "test-python: pytest collected no tests" >&2
    exit 1
fi
exit "$status"
