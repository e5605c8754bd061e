"""The installed package is typed (py.typed): mypy --strict accepts code that uses its exact
types and rejects code that mistakes them."""
from __future__ import annotations

import subprocess
import sys

import ratecalc

GOOD = '''
from fractions import Fraction
from typing import Optional, Union
import ratecalc

report = ratecalc.rate(smoothness="1,2,4", gamma="anisotropic", arch="ssm")
r: Optional[Union[Fraction, ratecalc.Enclosure]] = report.result(arch="ssm").rate_exponent
if isinstance(r, Fraction):
    half: Fraction = r / 2
sizes: tuple[Optional[float], ...] = ratecalc.samples("1,2", "1e-2")[0].n
'''

BAD = '''
import ratecalc

exponent: int = ratecalc.rate(smoothness="1,2,4")[0].rate_exponent
ratecalc.rate(smoothness="1,2,4", gamma=3.5)
'''


def mypy(code: str, directory) -> subprocess.CompletedProcess:
    (directory / "use.py").write_text(code, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "use.py"], cwd=directory,
                          capture_output=True, text=True, timeout=300)


def test_the_installed_package_is_typed(tmp_path):
    assert "site-packages" in ratecalc.__file__, "the tests use the installed package"
    good = mypy(GOOD, tmp_path)
    assert good.returncode == 0, good.stdout
    bad = mypy(BAD, tmp_path)
    assert bad.returncode == 1 and "use.py:4: error: Incompatible types in assignment" in bad.stdout, bad.stdout
    assert "use.py:5: error: Argument \"gamma\"" in bad.stdout, bad.stdout
