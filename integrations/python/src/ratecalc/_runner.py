"""Running the ratecalc executable and reading its JSON.

The executable is, in this order: the ``binary=`` argument, the ``RATECALC_BINARY``
environment variable, ``ratecalc`` on PATH. Arguments are passed as a list (no shell) in
``--flag=value`` form, so a value can never be read as another flag.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from decimal import Decimal
from fractions import Fraction
from typing import Any, Iterable, List, Mapping, Optional, Sequence, Union

from ._errors import BinaryNotFoundError, OutputError, RatecalcError
from ._exact import fraction_text, integer_text
from ._schema import validate

#: What an option value may be: text the tool reads exactly ("3/2", "1e-3"), an int, a
#: Fraction or a Decimal (all exact), or a sequence of them (joined with commas).
Number = Union[str, int, Fraction, Decimal]
OptionValue = Union[Number, Sequence[Number], Sequence[Sequence[Number]]]

#: An error line longer than this is cut (the tool's are short; another program's may not be).
_MAX_ERROR_LINE = 2000


def find_binary(binary: Optional[Union[str, "os.PathLike[str]"]] = None) -> str:
    """The ratecalc executable to run: ``binary``, else ``$RATECALC_BINARY``, else PATH."""
    candidate = os.fspath(binary) if binary is not None else os.environ.get("RATECALC_BINARY") or "ratecalc"
    source = "binary=" if binary is not None else ("RATECALC_BINARY" if os.environ.get("RATECALC_BINARY") else "PATH")
    found = shutil.which(candidate)
    if found is None:
        raise BinaryNotFoundError(
            f"ratecalc executable not found ({source}: {candidate!r}); build it with "
            "`swift build -c release --product ratecalc` and put it on PATH, set RATECALC_BINARY "
            "or pass binary=", status=127)
    return found


def number_text(value: Number, option: str) -> str:
    """One exact number as the tool reads it; a float is refused (it is not exact)."""
    if isinstance(value, bool) or isinstance(value, float):
        raise TypeError(f"{option}: {value!r} is a {type(value).__name__}; pass an exact value "
                        "(a str such as '3/2' or '1e-3', an int, a Fraction or a Decimal)")
    if isinstance(value, Fraction):
        return fraction_text(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"{option}: {value} is not a finite number")
        return str(value)
    if isinstance(value, int):
        return integer_text(value)
    if isinstance(value, str):
        return value
    raise TypeError(f"{option}: {value!r} is not a number or text")


def option_text(value: OptionValue, option: str) -> str:
    """An option value as text: numbers as :func:`number_text`; a sequence joined by commas;
    a sequence of sequences (a smoothness matrix) as rows joined by ``;``."""
    if isinstance(value, (str, int, Fraction, Decimal, float, bool)):
        return number_text(value, option)
    items = list(value)
    if items and all(not isinstance(item, (str, bytes)) and isinstance(item, Iterable) for item in items):
        return ";".join(",".join(number_text(entry, option) for entry in row) for row in items)  # type: ignore[union-attr]
    return ",".join(number_text(item, option) for item in items)  # type: ignore[arg-type]


def flags(options: Mapping[str, Any]) -> List[str]:
    """``{"smoothness": "1,2,4", "arch": None}`` → ``["--smoothness=1,2,4"]``: None is left
    out, True is a bare flag, keys use ``-`` for ``_``."""
    arguments: List[str] = []
    for name, value in options.items():
        flag = "--" + name.rstrip("_").replace("_", "-")
        if value is None or value is False:
            continue
        if value is True:
            arguments.append(flag)
        else:
            arguments.append(f"{flag}={option_text(value, flag)}")
    return arguments


def run(arguments: Sequence[str], binary: Optional[Union[str, "os.PathLike[str]"]] = None,
        timeout: Optional[float] = None) -> str:
    """Runs ``ratecalc ARGUMENTS`` and returns its stdout; a failure raises
    :class:`RatecalcError` carrying the tool's one error line."""
    executable = find_binary(binary)
    command = [executable, *arguments]
    try:
        completed = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired as expired:
        raise RatecalcError(f"ratecalc did not finish within {timeout} s", status=124, arguments=arguments) from expired
    except OSError as failure:
        raise RatecalcError(f"cannot run {executable}: {failure.strerror or failure}", status=126, arguments=arguments) from failure
    if completed.returncode != 0:
        raise RatecalcError(error_line(completed.stderr, completed.returncode), status=completed.returncode, arguments=arguments)
    try:
        return completed.stdout.decode("utf-8")
    except UnicodeDecodeError as failure:
        raise OutputError(f"ratecalc printed output that is not UTF-8: {failure}", status=0, arguments=arguments) from failure


def error_line(stderr: bytes, status: int) -> str:
    """The last non-empty line of stderr (the tool's error line) without ``ratecalc: ``."""
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    if not lines:
        return f"ratecalc exited with status {status} and no message"
    line = lines[-1][:_MAX_ERROR_LINE]
    return line[len("ratecalc: "):] if line.startswith("ratecalc: ") else line


def run_json(arguments: Sequence[str], kind: str, binary: Optional[Union[str, "os.PathLike[str]"]] = None,
             timeout: Optional[float] = None) -> Any:
    """Runs the command with ``--format=json`` and returns the parsed document, validated
    against ``#/$defs/KIND`` of docs/json-schema.json."""
    text = run([*arguments, "--format=json"], binary, timeout)
    return parse_json(text, kind, arguments)


def parse_json(text: str, kind: str, arguments: Sequence[str] = ()) -> Any:
    """Parses and validates one JSON document of ``kind`` (``rate``, ``samples``, ``check``,
    ``window_sweep``); raises :class:`OutputError` when it does not match the schema."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as failure:
        raise OutputError(f"ratecalc printed invalid JSON: {failure}", status=0, arguments=arguments) from failure
    problem = validate(document, kind)
    if problem is not None:
        raise OutputError(f"ratecalc's {kind} JSON does not match docs/json-schema.json: {problem}", status=0, arguments=arguments)
    return document
