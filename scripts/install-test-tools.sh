#!/bin/sh
# Installs the test tools that Debian does not package, only when they are missing, into
# .build-test-tools/ in the repository (git-ignored), where the tests find them:
# - pandoc 3.x from PyPI's pypandoc-binary (it ships a pandoc executable), so that the Pandoc
#   filter is tested with Debian's pandoc and with pandoc 3 (docs/notes.md);
# - the Typst compiler from PyPI's typst (Python bindings with the compiler built in, and its
#   fonts), which compiles every Typst output and .typ note in the tests (docs/latex.md).
# Needs python3 with pip (installs python3-pip through apt-get when pip is missing, as root).
set -eu
cd "$(dirname "$0")/.."
pandoc_target=.build-test-tools/python
typst_target=.build-test-tools/typst
need_pandoc=true need_typst=true
[ -x "$pandoc_target/pypandoc/files/pandoc" ] && need_pandoc=false
[ -f "$typst_target/typst/__init__.py" ] && need_typst=false
if [ "$need_pandoc" = false ] && [ "$need_typst" = false ]; then
    exit 0
fi
if ! python3 -m pip --version >/dev/null 2>&1; then
    echo "installing: python3-pip" >&2
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y python3-pip
fi
pip_install() {
    python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --no-deps --target "$@"
}
if [ "$need_pandoc" = true ]; then
    echo "installing: pypandoc-binary into $pandoc_target" >&2
    pip_install "$pandoc_target" 'pypandoc-binary>=1.13,<2'
    "$pandoc_target/pypandoc/files/pandoc" --version | head -n 1 >&2
fi
if [ "$need_typst" = true ]; then
    echo "installing: typst (Python) into $typst_target" >&2
    pip_install "$typst_target" 'typst>=0.15,<0.16'
    PYTHONPATH="$typst_target" python3 -c 'import typst; print("typst-py", typst.__version__)' >&2
fi
