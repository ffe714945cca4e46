"""Output names that cannot escape or collide, atomic writes and swaps, and cleaning after killed runs."""
from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from briefgen.pack.outdir import Claim, clean_stale, plan_names, safe_name, staging_dir, swap_in, write_atomic


@pytest.mark.parametrize(
    ("stem", "name"),
    [
        ("visit", "visit"),
        ("Визит в Ташкент", "Визит_в_Ташкент"),
        ("..", "brief"),
        (".hidden", "hidden"),
        ("../../etc/passwd", "etc_passwd"),
        ("a\\b:c*d?e", "a_b_c_d_e"),
        ("", "brief"),
        ("я" * 200, "я" * 80),
        ("CON", "CON_"),
        ("nul.tar", "nul.tar_"),
        ("com1", "com1_"),
        ("Lpt9", "Lpt9_"),
        ("console", "console"),
        ("aux_notes", "aux_notes"),
    ],
)
def test_safe_name(stem, name):
    assert safe_name(stem) == name


def _plan(paths, taken=None, kept=None):
    """plan_names for inputs identified by their paths (and, after '#', a content hash)."""
    claims = []
    for p in paths:
        path, _, digest = p.partition("#")
        ids = frozenset({path, digest} - {""})
        claims.append(Claim(Path(path).stem, Path(path).parent.name, ids, (kept or {}).get(p)))
    return plan_names(claims, {name: frozenset(ids) for name, ids in (taken or {}).items()})


@pytest.mark.parametrize(
    ("paths", "taken", "kept", "names"),
    [
        (["a/visit.txt", "b/talks.txt"], {}, {}, ["visit", "talks"]),
        (["a/visit.txt", "b/visit.txt"], {}, {}, ["a_visit", "b_visit"]),
        (["b/visit.txt", "a/visit.txt"], {}, {}, ["b_visit", "a_visit"]),
        (["a/Visit.txt", "b/visit.txt"], {}, {}, ["a_Visit", "b_visit"]),
        (["a/visit.txt", "a/visit.json"], {}, {}, ["a_visit", "a_visit-2"]),
        (["x/a/visit.txt#h", "y/a/visit.txt#h"], {}, {}, ["a_visit", "a_visit-2"]),  # same text, still two
        (["b/visit.txt"], {"visit": ["a/visit.txt"]}, {}, ["b_visit"]),
        (["b/visit.txt#h"], {"visit": ["a/visit.txt", "h"]}, {}, ["visit"]),  # the same source text
        (["a/visit.txt"], {"visit": ["a/visit.txt"]}, {}, ["visit"]),
        (["b/sent.txt"], {"sent": []}, {}, ["b_sent"]),  # a file: no input may take its place
        (["a/visit.txt", "b/visit.txt"], {"visit": ["a/visit.txt"]}, {"a/visit.txt": "visit"}, ["visit", "b_visit"]),
        (["a/visit.txt"], {"a_visit": ["a/visit.txt"]}, {"a/visit.txt": "a_visit"}, ["a_visit"]),
        (["c/visit.txt"], {"visit": ["a/visit.txt"], "c_visit": ["b/c/visit.txt"]}, {}, ["c_visit-2"]),
        (["z/a_visit.txt", "a/visit.txt"], {}, {"a/visit.txt": "a_visit"}, ["z_a_visit", "a_visit"]),
    ],
)
def test_plan_names_are_distinct_and_deterministic(paths, taken, kept, names):
    assert _plan(paths, taken, kept) == names


def test_write_atomic_leaves_a_plain_file_and_no_temporary(tmp_path):
    target = tmp_path / "brief.json"
    target.write_text("old")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.json"]
    assert target.stat().st_mode & 0o777 == 0o666 & ~_umask()


def test_write_atomic_replaces_a_symlink_instead_of_writing_through_it(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me")
    (tmp_path / "out").mkdir()
    link = tmp_path / "out" / "brief.json"
    link.symlink_to(outside)
    write_atomic(link, b"{}")
    assert outside.read_text() == "keep me" and not link.is_symlink()


def test_swap_in_replaces_a_pack_whole(tmp_path):
    target = tmp_path / "visit"
    target.mkdir()
    (target / "old.txt").write_text("old")
    staged = staging_dir(target)
    (staged / "new.txt").write_text("new")
    swap_in(staged, target)
    assert [p.name for p in target.iterdir()] == ["new.txt"]
    assert [p.name for p in tmp_path.iterdir()] == ["visit"]
    assert target.stat().st_mode & 0o777 == 0o777 & ~_umask()


def test_swap_in_never_follows_a_symlinked_pack(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "precious.txt").write_text("keep me")
    out = tmp_path / "out"
    out.mkdir()
    (out / "visit").symlink_to(elsewhere)
    staged = staging_dir(out / "visit")
    swap_in(staged, out / "visit")
    assert (elsewhere / "precious.txt").read_text() == "keep me"
    assert (out / "visit").is_dir() and not (out / "visit").is_symlink()


def test_clean_stale_removes_a_killed_runs_leftovers_and_restores_a_pack(tmp_path):
    dead = _dead_pid()
    (tmp_path / f".visit.briefgen-tmp-{dead}-abc123_z").mkdir()  # half-built pack
    (tmp_path / f".brief.json.briefgen-tmp-{dead}-xyz00000").write_text("{")  # half-written file
    (tmp_path / f".talks.briefgen-old-{dead}-0f0f0f0f").mkdir()  # a pack killed while stepping aside
    (tmp_path / f".talks.briefgen-old-{dead}-0f0f0f0f" / "brief.json").write_text("{}")
    live = tmp_path / f".other.briefgen-tmp-{os.getppid()}-abcdefgh"  # a run still going on
    live.mkdir()
    clean_stale(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, "talks"])
    assert (tmp_path / "talks" / "brief.json").read_text() == "{}"


@pytest.mark.parametrize("name", [".budget.tmp-2024-final", ".minutes.old-2023-backup", ".visit.briefgen-tmp-1-final",
                                  ".x.briefgen-old-1-0f0f0f0f0", "notes.briefgen-tmp-1-abcdefgh"])
def test_clean_stale_keeps_user_files_that_only_look_like_temporaries(tmp_path, name):
    (tmp_path / name).write_text("mine")
    os.utime(tmp_path / name, (time.time() - 2 * 3600,) * 2)
    clean_stale(tmp_path)
    assert (tmp_path / name).read_text() == "mine"


def test_clean_stale_drops_an_old_pack_when_the_new_one_is_in_place(tmp_path):
    dead = _dead_pid()
    (tmp_path / "talks").mkdir()
    (tmp_path / f".talks.briefgen-old-{dead}-0f0f0f0f").mkdir()
    clean_stale(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["talks"]


def _dead_pid() -> int:
    """The id of a process that has ended."""
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(child.stdout)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc to see a zombie")
def test_a_temporary_of_a_zombie_or_older_than_an_hour_is_stale(tmp_path):
    zombie = subprocess.Popen([sys.executable, "-c", "pass"])
    while Path(f"/proc/{zombie.pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z":
        time.sleep(0.01)  # ended, not yet reaped
    (tmp_path / f".visit.briefgen-tmp-{zombie.pid}-abcdefgh").mkdir()
    old = tmp_path / f".talks.briefgen-tmp-{os.getppid()}-abcdefgh"
    old.mkdir()
    os.utime(old, (time.time() - 2 * 3600,) * 2)
    clean_stale(tmp_path)
    zombie.wait()
    assert list(tmp_path.iterdir()) == []


def test_a_second_run_on_one_directory_waits_for_the_first_and_says_so(tmp_path):
    from briefgen.pack.outdir import exclusive

    said, inside, release = [], threading.Event(), threading.Event()

    def first_run():
        with exclusive(tmp_path, say=said.append):
            inside.set()
            release.wait(timeout=30)

    first = threading.Thread(target=first_run)
    first.start()
    inside.wait(timeout=30)
    inside.clear()

    def second_run():
        with exclusive(tmp_path, say=said.append):
            inside.set()

    second = threading.Thread(target=second_run)
    second.start()
    while not said:
        time.sleep(0.01)
    assert said == [f"waiting for another briefgen run writing to {tmp_path} to finish"] and not inside.is_set()
    release.set()
    second.join(timeout=30)
    first.join(timeout=30)
    assert inside.is_set() and list(tmp_path.iterdir()) == []  # no lock file left among the packs
