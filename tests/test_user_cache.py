"""The per-user cache: where it lives, how it is turned off, and that a damaged entry is rebuilt, not trusted."""
from __future__ import annotations

import pytest

from briefgen import cache


def test_the_directory_is_the_platforms_user_cache_for_briefgen(user_cache):
    assert cache.cache_dir() == user_cache
    assert user_cache.is_dir()


def test_briefgen_no_cache_turns_it_off(user_cache, monkeypatch):
    monkeypatch.setenv("BRIEFGEN_NO_CACHE", "1")
    cache.cache_dir.cache_clear()
    assert cache.cache_dir() is None
    cache.write("entry", b"data")
    assert cache.read("entry") is None
    assert not user_cache.exists()


def test_an_entry_reads_back_as_written(user_cache):
    cache.write("entry", b"\x00data\xff")
    assert cache.read("entry") == b"\x00data\xff"
    assert cache.read("another") is None


@pytest.mark.parametrize(
    ["damage", "what"],
    [
        (lambda b: b[:-1], "cut short"),
        (lambda b: b[:-1] + bytes([b[-1] ^ 1]), "one bit flipped in the data"),
        (lambda b: b"x" + b[1:], "header changed"),
        (lambda b: b"", "empty"),
        (lambda b: b[-4:], "only the data, no seal"),
    ],
)
def test_a_damaged_entry_reads_as_none(user_cache, damage, what):
    cache.write("entry", b"data")
    path = user_cache / "entry"
    path.write_bytes(damage(path.read_bytes()))
    assert cache.read("entry") is None, what


def test_pickled_builds_once_then_reads_the_entry(user_cache):
    calls = []

    def build():
        calls.append(1)
        return {"forms": frozenset({"доллар", "долларов"})}

    first = cache.pickled("value.pickle", build)
    second = cache.pickled("value.pickle", build)
    assert first == second == {"forms": frozenset({"доллар", "долларов"})}
    assert len(calls) == 1


def test_pickled_rebuilds_a_damaged_entry(user_cache):
    cache.pickled("value.pickle", lambda: [1, 2, 3])
    path = user_cache / "value.pickle"
    path.write_bytes(path.read_bytes()[:-2])
    assert cache.pickled("value.pickle", lambda: [4]) == [4]
    assert cache.pickled("value.pickle", lambda: [5]) == [4]


def test_key_depends_on_every_part_and_their_boundaries():
    assert cache.key("a", "b") == cache.key("a", b"b")
    assert len({cache.key("a", "b"), cache.key("ab"), cache.key("a", "c"), cache.key("b", "a")}) == 4


def test_a_yaml_text_is_parsed_once_then_read_from_its_entry_without_pyyaml(user_cache):
    import subprocess
    import sys

    text = "ru:\n  cues: [заявил, сообщил]\n  limit: 3\n"
    probe = (
        "import sys\nfrom briefgen import cache\n"
        f"print(cache.parsed_yaml({text.encode()!r}), 'yaml' in sys.modules)"
    )
    runs = [subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.strip()
            for _ in range(2)]  # fmt: skip
    parsed = "{'ru': {'cues': ['заявил', 'сообщил'], 'limit': 3}}"
    assert runs == [f"{parsed} True", f"{parsed} False"]  # the second start imports no PyYAML


def test_invalid_yaml_raises_and_leaves_no_entry(user_cache):
    import yaml

    with pytest.raises(yaml.YAMLError):
        cache.parsed_yaml(b"key: [unclosed\n")
    assert not [p for p in user_cache.iterdir() if p.name.startswith("yaml-")]


def test_a_files_identity_changes_with_it_and_names_a_missing_one(tmp_path):
    f = tmp_path / "model.bin"
    f.write_bytes(b"1234")
    before = cache.identity(f)
    f.write_bytes(b"12345")
    assert cache.identity(f) != before and cache.identity(f)[1] == "5"
    assert cache.identity(tmp_path / "gone") == [str(tmp_path / "gone")]
