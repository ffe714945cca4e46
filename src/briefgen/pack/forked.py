"""Run calls in a forked copy of this process, so that two halves of a job use two cores.

Where `fork` is the platform's way of starting processes (Linux), `standby`
forks a child that shares everything loaded so far and gets ready (imports
what the calls will need) while the parent goes on; `Child.calls` then hands
it a list of calls, which it runs in order, sending each result back as soon
as it has it, so the parent can use the first while the child works on the
next. Each result comes back as the value, or the exception (with the child's
traceback as its cause), and the warnings it raised, which the parent raises
again. Then the child ends at once, running none of the parent's clean-up and
flushing none of its buffers (`os._exit`). Elsewhere `standby` returns None
and the caller makes the calls itself.
"""
from __future__ import annotations

import contextlib
import os
import pickle
import signal
import struct
import sys
import threading
import traceback
import warnings
from collections.abc import Callable
from typing import Any


class ChildTraceback(Exception):
    """The traceback of an exception raised in the child (shown with --debug, as the cause)."""


class ChildDied(Exception):
    """The child ended without an answer (killed, or out of memory)."""


def available() -> bool:
    """Whether calls can be forked here: on Linux, in the main process (a pool's workers have the cores busy).

    A pool's worker has multiprocessing loaded; the main process need not load it (a slow import) to know.
    """
    mp = sys.modules.get("multiprocessing")
    return sys.platform == "linux" and (mp is None or mp.parent_process() is None)


Call = tuple[Callable[..., Any], tuple[Any, ...]]  # a function the child can find by name, and arguments that pickle
_LENGTH = struct.Struct("!Q")  # each answer is its length, then its pickle


class Child:
    """A forked process waiting for its calls: `calls()` hands them over, `result()` waits for the next, `stop()` ends it."""

    def __init__(self, pid: int, requests: int, answers: int) -> None:
        self.pid = pid
        self.requests: int | None = requests  # None once handed over
        self.answers: int | None = answers  # None once every result is read
        self.pending = 0  # results not read yet
        self.reaped = False

    def call(self, fn: Callable[..., Any], *args: Any) -> None:
        """Have the child run `fn(*args)`, as the only call."""
        self.calls([(fn, args)])

    def calls(self, calls: list[Call]) -> None:
        """Have the child run each call in order; written by a thread, so a large request never holds this process up."""
        fd, self.requests = self.requests, None
        assert fd is not None, "one hand-over per child"
        self.pending = len(calls)
        request = pickle.dumps(calls)

        def hand_over() -> None:
            with contextlib.suppress(OSError), os.fdopen(fd, "wb") as pipe:  # OSError: the child has died; result() says so
                pipe.write(request)

        threading.Thread(target=hand_over, daemon=True).start()

    def result(self) -> Any:
        """The next call's return value; its exception, raised again here; its warnings, warned again here."""
        assert self.answers is not None and self.pending, "one result per call"
        self.pending -= 1
        data = _read_answer(self.answers)
        if not self.pending or not data:
            os.close(self.answers)
            self.answers = None
            self._reap()
        if not data:
            raise ChildDied("the rendering process ended without an answer")
        ok, value, caught, detail = pickle.loads(data)
        for message, category in caught:
            warnings.warn(message, category, stacklevel=2)
        if ok:
            return value
        raise value from ChildTraceback(detail)

    def stop(self) -> None:
        """End the child and reap it, unless that is done (the parent failed: the call is not wanted)."""
        if not self.reaped:
            os.kill(self.pid, signal.SIGKILL)
            self._reap()
        for fd in (self.requests, self.answers):
            if fd is not None:
                os.close(fd)
        self.requests = self.answers = None

    def _reap(self) -> None:
        os.waitpid(self.pid, 0)
        self.reaped = True


def standby(prepare: Callable[[], Any] = lambda: None) -> Child | None:
    """A forked child that runs `prepare()` at once, then waits for its call; None where calls are not forked."""
    if not available():
        return None
    requests, answers = os.pipe(), os.pipe()
    pid = os.fork()
    if pid:
        os.close(requests[0])
        os.close(answers[1])
        return Child(pid, requests[1], answers[0])
    try:  # the child: never returns
        os.close(requests[1])
        os.close(answers[0])
        _serve(prepare, requests[0], answers[1])
    finally:
        os._exit(0)


def _serve(prepare: Callable[[], Any], requests: int, answers: int) -> None:
    with contextlib.suppress(Exception):  # the call meets the same trouble and reports it
        prepare()
    with os.fdopen(requests, "rb") as pipe:
        request = pipe.read()
    if request:  # else the parent has closed the pipe: nothing to do
        with os.fdopen(answers, "wb", buffering=0) as pipe:
            for fn, args in pickle.loads(request):
                answer = _answer(fn, args)
                pipe.write(_LENGTH.pack(len(answer)) + answer)


def _read_answer(fd: int) -> bytes:
    """One answer from the pipe; empty when the child ended before sending it whole."""
    head = _read_exactly(fd, _LENGTH.size)
    return _read_exactly(fd, _LENGTH.unpack(head)[0]) if head else b""


def _read_exactly(fd: int, size: int) -> bytes:
    chunks, left = [], size
    while left:
        chunk = os.read(fd, left)
        if not chunk:
            return b""
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _answer(fn: Callable[..., Any], args: tuple[Any, ...]) -> bytes:
    """The pickled (ok, value or exception, warnings, traceback) of the call."""
    with warnings.catch_warnings(record=True) as caught:
        try:
            ok, value, detail = True, fn(*args), ""
        except BaseException as e:  # every failure goes back to the parent
            ok, value, detail = False, e, traceback.format_exc()
    raised = [(str(w.message), w.category) for w in caught]
    try:
        return pickle.dumps((ok, value, raised, detail))
    except Exception as e:  # an exception or warning that does not pickle
        return pickle.dumps((False, RuntimeError(f"{type(value).__name__}: {value} ({e})"), [], detail))
