"""The schema the package ships is docs/json-schema.json, and validation really rejects."""
from __future__ import annotations

import pytest

import ratecalc
from ratecalc._schema import schema_text
from conftest import REPOSITORY, cli_json


def test_the_shipped_schema_is_the_repository_schema():
    assert schema_text() == (REPOSITORY / "docs" / "json-schema.json").read_text(encoding="utf-8")


def test_real_output_validates_and_a_broken_copy_does_not():
    document = cli_json(["--smoothness", "1,2,4", "--arch", "all"])
    assert ratecalc.validate(document, "rate") is None
    document["results"][0]["rate_exponent"] = {"exact": 0.5333, "approx": 0.5333}
    assert "results/0/rate_exponent" in ratecalc.validate(document, "rate")
    with pytest.raises(ValueError):
        ratecalc.validate(document, "nonsense")
