#!/bin/sh
# Installs the system libraries ratecalc links against, only when they are missing:
# libgmp-dev (exact rationals), libopenblas-dev + liblapacke-dev (training, least squares)
# and pkg-config (how SwiftPM finds them); for the tests pandoc, texlive-latex-base and
# texlive-latex-recommended (the LaTeX/Markdown outputs are compiled) and python3-jsonschema
# (JSON output validated against docs/json-schema.json); also the Debian packages named as arguments
# (scripts/test-python.sh adds its own). Needs root (apt-get) when something is missing.
set -eu
missing=""
for package in libgmp-dev libopenblas-dev liblapacke-dev pkg-config \
    pandoc texlive-latex-base texlive-latex-recommended python3-jsonschema "$@"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $package"
    fi
done
if [ -n "$missing" ]; then
    echo "installing:$missing" >&2
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y $missing
fi
