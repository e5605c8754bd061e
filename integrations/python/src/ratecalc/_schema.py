"""Validation against the JSON Schema the package ships (a copy of docs/json-schema.json,
taken when the package is built)."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any, Dict, Optional

import jsonschema

#: The kinds of document the schema defines (its ``$defs`` entries for whole outputs).
KINDS = ("rate", "samples", "check", "window_sweep")


def schema_text() -> str:
    """The shipped schema, as text."""
    return resources.files("ratecalc").joinpath("json-schema.json").read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def _validator(kind: str) -> "jsonschema.protocols.Validator":
    root: Dict[str, Any] = dict(json.loads(schema_text()))
    root["$ref"] = "#/$defs/" + kind
    return jsonschema.Draft202012Validator(root)


def validate(document: Any, kind: str) -> Optional[str]:
    """None when ``document`` is a valid ``kind`` document, else the first violation
    (its JSON path and message)."""
    if kind not in KINDS:
        raise ValueError(f"unknown document kind {kind!r}; expected one of {', '.join(KINDS)}")
    errors = sorted(_validator(kind).iter_errors(document), key=lambda error: list(map(str, error.path)))
    if not errors:
        return None
    first = errors[0]
    return ("/".join(map(str, first.path)) or "(root)") + ": " + str(first.message)[:300]
