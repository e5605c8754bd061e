#!/usr/bin/env python3
"""Validates ratecalc JSON output on stdin against docs/json-schema.json.

Usage: ratecalc --smoothness 1,2,4 --format json | scripts/validate-json.py rate
       (kind: rate, samples, check, window_sweep, theorems or theorem_rate; needs the jsonschema package, Debian python3-jsonschema)
Prints up to five violations and exits 1 when there are any.
"""
import json
import pathlib
import sys

import jsonschema

SCHEMA = pathlib.Path(__file__).resolve().parent.parent / "docs" / "json-schema.json"

def main() -> int:
    if len(sys.argv) != 2 or sys.argv[1] not in ("rate", "samples", "check", "window_sweep", "theorems", "theorem_rate"):
        print("usage: validate-json.py rate|samples|check|window_sweep|theorems|theorem_rate < output.json", file=sys.stderr)
        return 2
    root = dict(json.loads(SCHEMA.read_text()))
    root["$ref"] = "#/$defs/" + sys.argv[1]
    validator = jsonschema.Draft202012Validator(root)
    errors = sorted(validator.iter_errors(json.load(sys.stdin)), key=lambda e: list(e.path))
    for error in errors[:5]:
        print("/".join(map(str, error.path)) or "(root)", error.message[:300])
    return 1 if errors else 0

if __name__ == "__main__":
    sys.exit(main())
