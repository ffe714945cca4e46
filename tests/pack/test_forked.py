"""A call in a forked child: its result, its exception and its warnings come back; a stopped child is gone."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import warnings

import pytest

from briefgen.errors import RenderError
from briefgen.pack import forked
from briefgen.render import RenderWarning

pytestmark = pytest.mark.skipif(not forked.available(), reason="calls are forked only on Linux")


def start(fn, *args) -> forked.Child:
    child = forked.standby()
    child.call(fn, *args)
    return child


def add(a, b):
    return {"sum": a + b, "pid": os.getpid()}


def test_the_result_comes_back():
    got = start(add, 2, 3).result()
    assert got["sum"] == 5 and got["pid"] != os.getpid()


def test_the_child_gets_ready_before_the_call():
    child = forked.standby(lambda: os.environ.__setitem__("READY_IN_CHILD", "yes"))
    child.call(os.getenv, "READY_IN_CHILD")
    assert child.result() == "yes" and "READY_IN_CHILD" not in os.environ


def raise_render_error():
    raise RenderError("brief.j2:3: something is wrong")


def test_an_exception_is_raised_again_with_the_childs_traceback_as_its_cause():
    with pytest.raises(RenderError, match="brief.j2:3: something is wrong") as caught:
        start(raise_render_error).result()
    assert isinstance(caught.value.__cause__, forked.ChildTraceback)
    assert "raise_render_error" in str(caught.value.__cause__)


def warn_twice():
    warnings.warn("8 character(s) no font has", UserWarning, stacklevel=1)
    warnings.warn("a second warning", RenderWarning, stacklevel=1)
    return "done"


def test_warnings_are_raised_again_in_the_parent():
    with pytest.warns(UserWarning) as record:
        assert start(warn_twice).result() == "done"
    assert [(type(w.message), str(w.message)) for w in record] == [
        (UserWarning, "8 character(s) no font has"), (RenderWarning, "a second warning")]


def die():
    os.kill(os.getpid(), signal.SIGKILL)


def test_a_child_that_dies_is_an_error_not_a_hang():
    with pytest.raises(forked.ChildDied):
        start(die).result()


def test_a_stopped_child_is_ended_and_reaped():
    child = start(time.sleep, 600)
    child.stop()
    with pytest.raises(ChildProcessError):
        os.waitpid(child.pid, os.WNOHANG)
    child.stop()  # once is enough: no error, no other process touched


def test_a_child_never_called_is_stopped_too():
    child = forked.standby()
    child.stop()
    with pytest.raises(ChildProcessError):
        os.waitpid(child.pid, os.WNOHANG)


def test_the_child_flushes_none_of_the_parents_buffers():
    """Output the parent has buffered (standard output to a pipe) is written once, by the parent."""
    code = "import sys\nfrom briefgen.pack import forked\nsys.stdout.write('once\\n')\nc = forked.standby()\nc.call(len, 'child')\nc.result()\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "once\n"


def wait_for(path):
    """Return once `path` exists: the parent makes it only after it has read the call before this one."""
    while not os.path.exists(path):
        time.sleep(0.01)
    return "seen"


def test_calls_run_in_order_and_each_result_comes_back_as_soon_as_it_is_ready(tmp_path):
    flag = tmp_path / "first-result-read"
    child = forked.standby()
    child.calls([(add, (1, 2)), (wait_for, (str(flag),)), (add, (3, 4))])
    assert child.result()["sum"] == 3  # read while the second call is still waiting for the parent
    flag.touch()
    assert child.result() == "seen"
    assert child.result()["sum"] == 7
    with pytest.raises(ChildProcessError):
        os.waitpid(child.pid, os.WNOHANG)  # reaped with the last result


def test_a_request_larger_than_a_pipe_holds_comes_through_whole():
    child = forked.standby(lambda: time.sleep(0.2))  # still getting ready while the request is written
    big = "x" * 5_000_000
    child.call(len, big)
    assert child.result() == len(big)
