"""Failures: the tool's one error line as RatecalcError, a missing or hostile executable,
output that breaks the schema."""
from __future__ import annotations

import os
import pathlib
import stat

import pytest

import ratecalc
from conftest import BINARY, cli


@pytest.mark.parametrize("arguments, call", [
    (["--smoothness", "1,,2"], lambda: ratecalc.rate(smoothness="1,,2")),
    (["--smoothness", "1,2", "--gamma", "sideways"], lambda: ratecalc.rate(smoothness="1,2", gamma="sideways")),
    (["--smoothness", "0,1"], lambda: ratecalc.rate(smoothness=[0, 1])),
    (["samples", "--smoothness", "1,2", "--error", "2"], lambda: ratecalc.samples("1,2", "2")),
    (["value", "a-tilde", "--smoothness", "1,2", "--gamma", "mixed"], lambda: ratecalc.value("a-tilde", "1,2", gamma="mixed")),
    (["value", "rate-exponent", "--smoothness", "1,2", "--gamma", "both"], lambda: ratecalc.value("rate-exponent", "1,2", gamma="both")),
    (["check", "--smoothness", "1,2", "--seeds", "0"], lambda: ratecalc.check("1,2", seeds=0)),
])
def test_bad_input_raises_the_tools_one_error_line(arguments, call):
    reference = cli(arguments, check=False)
    assert reference.returncode == 2 and reference.stdout == "" and len(reference.stderr.splitlines()) == 1
    with pytest.raises(ratecalc.RatecalcError) as raised:
        call()
    assert "ratecalc: " + str(raised.value) == reference.stderr.strip()
    assert raised.value.status == 2 and raised.value.arguments


def test_a_value_that_looks_like_a_flag_stays_a_value():
    with pytest.raises(ratecalc.RatecalcError, match="'--format' is not a number"):
        ratecalc.rate(smoothness="--format")


def test_the_executable_comes_from_the_argument_the_environment_or_path(tmp_path, monkeypatch):
    link = tmp_path / "bin" / "ratecalc"
    link.parent.mkdir()
    link.symlink_to(BINARY)
    monkeypatch.delenv("RATECALC_BINARY")
    monkeypatch.setenv("PATH", str(link.parent))
    assert ratecalc.find_binary() == str(link)
    assert ratecalc.rate(smoothness="1,2,4", gamma="anisotropic")[0].rate_exponent == ratecalc.fraction("8/15")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ratecalc.BinaryNotFoundError, match="PATH"):
        ratecalc.rate(smoothness="1,2,4")
    assert ratecalc.rate(smoothness="1,2,4", binary=BINARY).results
    monkeypatch.setenv("RATECALC_BINARY", str(tmp_path / "nowhere"))
    with pytest.raises(ratecalc.BinaryNotFoundError, match="RATECALC_BINARY"):
        ratecalc.rate(smoothness="1,2,4")


def fake_binary(directory: pathlib.Path, script: str) -> pathlib.Path:
    path = directory / "fake-ratecalc"
    path.write_text("#!/bin/sh\n" + script + "\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


@pytest.mark.parametrize("script, error, message", [
    ("echo 'not json'", ratecalc.OutputError, "invalid JSON"),
    ("echo '{\"schema_version\": 2}'", ratecalc.OutputError, "does not match docs/json-schema.json"),
    ("echo '{\"schema_version\":1,\"smoothness\":{\"entries\":[\"1\"],\"rows\":1,\"columns\":1},"
     "\"p\":null,\"q\":null,\"v\":{\"exact\":\"0\",\"approx\":0},\"n\":null,\"results\":[]}'",
     ratecalc.OutputError, "results: \\[\\] should be non-empty"),
    ("exit 3", ratecalc.RatecalcError, "status 3 and no message"),
    ("echo 'ratecalc: something broke' >&2; exit 2", ratecalc.RatecalcError, "^something broke$"),
])
def test_broken_or_hostile_output_is_an_error_not_a_result(tmp_path, script, error, message):
    with pytest.raises(error, match=message):
        ratecalc.rate(smoothness="1,2,4", binary=fake_binary(tmp_path, script))


def test_a_slow_executable_is_stopped_at_the_timeout(tmp_path):
    with pytest.raises(ratecalc.RatecalcError, match="did not finish within 0.5 s"):
        ratecalc.rate(smoothness="1", binary=fake_binary(tmp_path, "sleep 30"), timeout=0.5)


def test_a_file_that_is_not_executable_is_not_run(tmp_path):
    path = tmp_path / "ratecalc"
    path.write_text("#!/bin/sh\necho {}\n")
    os.chmod(path, 0o644)
    with pytest.raises(ratecalc.BinaryNotFoundError):
        ratecalc.rate(smoothness="1", binary=path)
