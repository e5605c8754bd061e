#!/bin/sh
# The Quarto extension ships a copy of the Pandoc filter (a Quarto extension is copied into a
# project as one folder, so it must hold its filter). integrations/pandoc/ratecalc.lua is the
# only file to edit; this script copies it into the extension. With --check it changes
# nothing and exits 1 when the copy differs (the tests run it so).
set -eu
cd "$(dirname "$0")/.."
source=integrations/pandoc/ratecalc.lua
copy=integrations/quarto/_extensions/ratecalc/ratecalc.lua
if [ "${1:-}" = "--check" ]; then
    if cmp -s "$source" "$copy"; then exit 0; fi
    echo "$copy differs from $source: run scripts/sync-quarto-filter.sh" >&2
    exit 1
fi
cp "$source" "$copy"
