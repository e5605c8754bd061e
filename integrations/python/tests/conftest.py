"""Shared setup: every test runs the real ratecalc executable.

It is ``$RATECALC_BINARY`` when set, else the repository's release build
``.build/release/ratecalc`` (``swift build -c release --product ratecalc``); a missing binary
fails the session rather than skipping tests.
"""
from __future__ import annotations

import json
import os
import re
import pathlib
import subprocess
from typing import Any, List

import pytest

REPOSITORY = pathlib.Path(__file__).resolve().parents[3]


def _binary() -> pathlib.Path:
    configured = os.environ.get("RATECALC_BINARY")
    path = pathlib.Path(configured) if configured else REPOSITORY / ".build" / "release" / "ratecalc"
    if not os.access(path, os.X_OK):
        pytest.exit(f"ratecalc executable not found at {path}: build it with "
                    "`swift build -c release --product ratecalc` or set RATECALC_BINARY", returncode=2)
    return path.resolve()


BINARY = _binary()
os.environ["RATECALC_BINARY"] = str(BINARY)


def cli(arguments: List[str], check: bool = True) -> subprocess.CompletedProcess:
    """Runs the binary directly (the reference the package is compared with)."""
    completed = subprocess.run([str(BINARY), *arguments], capture_output=True, text=True)
    if check and completed.returncode != 0:
        raise AssertionError(f"ratecalc {' '.join(arguments)} failed: {completed.stderr}")
    return completed


def cli_json(arguments: List[str]) -> Any:
    """The binary's JSON for ``arguments``."""
    return json.loads(cli([*arguments, "--format", "json"]).stdout)


#: A check that trains in about a second: a = (1, 2), n = 32 … 128, two replicates.
TINY_CHECK = dict(smoothness="1,2", arch=["ssm", "transformer", "oracle"], n_min=32, n_max=128, points=3, seeds=2,
                  length=8, width=8, epochs=1, min_steps=4, test_sequences=16, target_level=4, threads=1)


@pytest.fixture(scope="session")
def tiny_check():
    """One tiny check report, shared by the tests that read it."""
    import ratecalc
    return ratecalc.check(**TINY_CHECK)


def notes_example() -> str:
    """The "Before" note of docs/notes.md (its first ````markdown example)."""
    text = (REPOSITORY / "docs" / "notes.md").read_text(encoding="utf-8")
    match = re.search(r"^````markdown\n(.*?)^````$", text, re.S | re.M)
    assert match and "```ratecalc" in match.group(1), "docs/notes.md lost its Markdown note example"
    return match.group(1)


@pytest.fixture
def refreshed_note(tmp_path) -> str:
    """docs/notes.md's example note after `ratecalc notes` refreshed it in place."""
    note = tmp_path / "note.md"
    note.write_text(notes_example(), encoding="utf-8")
    cli(["notes", str(note)])
    refreshed = note.read_text(encoding="utf-8")
    assert "<!-- ratecalc:begin -->" in refreshed and "$n^{-\\frac{8}{15}}$" in refreshed
    return refreshed
