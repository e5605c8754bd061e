#!/bin/sh
# Installs the test tools that Debian does not package, only when they are missing:
# pandoc 3.x from PyPI's pypandoc-binary (it ships a pandoc executable), so that the Pandoc
# filter is tested with Debian's pandoc and with pandoc 3 (docs/notes.md). It goes into
# .build-test-tools/ in the repository (git-ignored); the tests find it there.
# Needs python3 with pip (installs python3-pip through apt-get when pip is missing, as root).
set -eu
cd "$(dirname "$0")/.."
target=.build-test-tools/python
if [ -x "$target/pypandoc/files/pandoc" ]; then
    exit 0
fi
if ! python3 -m pip --version >/dev/null 2>&1; then
    echo "installing: python3-pip" >&2
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y python3-pip
fi
echo "installing: pypandoc-binary into $target" >&2
python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --no-deps --target "$target" 'pypandoc-binary>=1.13,<2'
"$target/pypandoc/files/pandoc" --version | head -n 1 >&2
