"""The command line, run from the tests: in this process by default, as a real process
where the test is about the process itself (the installed entry point, start-up, a crash).

``transcheck(*args, cwd=..., env=...)`` returns a ``subprocess.CompletedProcess`` either
way, with the text ``python -m transcheck ARGS`` would print: the same exit code, standard
output and standard error as strings (UTF-8, universal newlines), so a test reads alike
whichever runs it. In this process a run costs the check alone instead of an interpreter
start and the imports (about 0.4 s each).
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import traceback
from pathlib import Path

from tests.conftest import ROOT


def transcheck(
    *args: str, cwd: Path | str = ROOT, env: dict[str, str] | None = None, errors: str = "strict"
) -> subprocess.CompletedProcess:
    """``transcheck ARGS`` in ``cwd``, in this process. ``env`` replaces the environment
    for the run, as it would for a child process; everything is restored afterwards."""
    from transcheck.cli import main

    argv = ["transcheck", *map(str, args)]
    # A child's standard output is strict UTF-8 and its standard error escapes what it
    # cannot encode; both are pipes, never a terminal.
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="backslashreplace")
    saved = (sys.argv, sys.stdout, sys.stderr, os.getcwd(), dict(os.environ))
    code = 0
    try:
        os.chdir(cwd)
        if env is not None:
            os.environ.clear()
            os.environ.update(env)
        sys.argv, sys.stdout, sys.stderr = list(argv), out, err
        try:
            main()
        except SystemExit as exc:
            code = _status(exc.code, err)
        except Exception:  # what the interpreter does with an exception that escapes
            traceback.print_exc(file=err)
            code = 1
    finally:
        sys.argv, sys.stdout, sys.stderr = saved[0], saved[1], saved[2]
        os.chdir(saved[3])
        os.environ.clear()
        os.environ.update(saved[4])
    return subprocess.CompletedProcess(argv, code, _text(out, errors), _text(err, errors))


def transcheck_process(
    *args: str, cwd: Path | str = ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """``python -m transcheck ARGS`` as a child process."""
    return subprocess.run(
        [sys.executable, "-m", "transcheck", *map(str, args)],
        capture_output=True, text=True, cwd=cwd, env=env, encoding="utf-8",
    )


def _status(code, err) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=err)
    return 1


def _text(stream: io.TextIOWrapper, errors: str) -> str:
    stream.flush()
    data = stream.buffer.getvalue()
    # As subprocess.run(text=True) reads a pipe: "\r\n" and "\r" become "\n".
    return data.decode("utf-8", errors).replace("\r\n", "\n").replace("\r", "\n")
