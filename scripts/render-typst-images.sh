#!/bin/sh
# Renders the Typst output of ratecalc into the PNG shown in docs/latex.md ("Typst"), with the
# Typst compiler of PyPI's typst that scripts/install-test-tools.sh puts into
# .build-test-tools/typst (its embedded fonts only). Usage, from the repository root after
# `swift build` and scripts/install-test-tools.sh: scripts/render-typst-images.sh [path/to/ratecalc]
set -eu
ratecalc=$(realpath "${1:-.build/debug/ratecalc}")
images=$(realpath docs/images)
typst=$(realpath .build-test-tools/typst)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$ratecalc" --bibliography > "$work/ratecalc.bib"
{
    printf '%s\n' '#set page(width: 15cm, height: auto, margin: 0.5cm)' '#set text(size: 9pt)'
    "$ratecalc" --smoothness 1,2,4 --arch ssm,transformer --gamma anisotropic --format typst
    printf '%s\n' '#bibliography("ratecalc.bib")'
} > "$work/rate-typst-example.typ"
(cd "$work" && PYTHONPATH="$typst" python3 -c '
import sys, typst
pages = typst.compile("rate-typst-example.typ", format="png", ppi=110, ignore_system_fonts=True)
open(sys.argv[1], "wb").write(pages if isinstance(pages, bytes) else pages[0])
' "$images/rate-typst-example.png")
echo "rendered into $images" >&2
