"""Run one call in a forked copy of this process, so that two halves of a job use two cores.

Where `fork` is the platform's way of starting processes (Linux), the child
shares everything loaded so far, runs the call, and sends back its result, or
its exception (with the child's traceback as the cause), and the warnings it
raised, which the parent raises again; then it ends at once, running none of
the parent's clean-up and flushing none of its buffers (`os._exit`).
Elsewhere `start` returns None and the caller makes the call itself.
"""
from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import sys
import traceback
import warnings
from collections.abc import Callable
from typing import Any


class ChildTraceback(Exception):
    """The traceback of an exception raised in the child (shown with --debug, as the cause)."""


class ChildDied(Exception):
    """The child ended without an answer (killed, or out of memory)."""


def available() -> bool:
    """Whether calls can be forked here: on Linux, in the main process (a pool's workers have the cores busy)."""
    return sys.platform == "linux" and multiprocessing.parent_process() is None


class Child:
    """A call running in a forked process: `result()` waits for it, `stop()` ends it."""

    def __init__(self, pid: int, fd: int) -> None:
        self.pid, self.fd = pid, fd

    def result(self) -> Any:
        """The call's return value; its exception, raised again here; its warnings, warned again here."""
        with os.fdopen(self.fd, "rb") as pipe:
            data = pipe.read()
        os.waitpid(self.pid, 0)
        if not data:
            raise ChildDied("the rendering process ended without an answer")
        ok, value, caught, detail = pickle.loads(data)
        for message, category in caught:
            warnings.warn(message, category, stacklevel=2)
        if ok:
            return value
        raise value from ChildTraceback(detail)

    def stop(self) -> None:
        """End the child and reap it (the parent failed: its result is not wanted)."""
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.close(self.fd)
        os.waitpid(self.pid, 0)


def start(fn: Callable[..., Any], *args: Any) -> Child | None:
    """`fn(*args)` running in a forked child; None where calls are not forked (see `available`)."""
    if not available():
        return None
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write_end)
        return Child(pid, read_end)
    try:  # the child: never returns
        os.close(read_end)
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(_answer(fn, args))
    finally:
        os._exit(0)


def _answer(fn: Callable[..., Any], args: tuple[Any, ...]) -> bytes:
    """The pickled (ok, value or exception, warnings, traceback) of the call."""
    with warnings.catch_warnings(record=True) as caught:
        try:
            ok, value, detail = True, fn(*args), ""
        except BaseException as e:  # noqa: BLE001 — every failure goes back to the parent
            ok, value, detail = False, e, traceback.format_exc()
    raised = [(str(w.message), w.category) for w in caught]
    try:
        return pickle.dumps((ok, value, raised, detail))
    except Exception as e:  # noqa: BLE001 — an exception or warning that does not pickle
        return pickle.dumps((False, RuntimeError(f"{type(value).__name__}: {value} ({e})"), [], detail))
