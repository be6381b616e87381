"""What the command lines print, shared by `python -m loaders` and `python -m metrics`: a count
with its noun (`1 project`, `2 projects`; they speak English), and a quiet end when the reader
goes away (`python -m metrics summary | head`), as Unix tools do, instead of a BrokenPipeError
traceback (the Python documentation's recipe: point stdout at /dev/null so that the exit's own
flush cannot fail again)."""
from __future__ import annotations

import os
import sys
from collections.abc import Callable


def quiet_broken_pipe(main: Callable[[], int]) -> int:
    """`main()`'s exit status; 141 (128 + SIGPIPE, as a shell reports it) when the reader went away."""
    try:
        status = main()
        sys.stdout.flush()
        return status
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141


def counted(n: int, noun: str) -> str:
    """`1 project`, `2 projects`."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
