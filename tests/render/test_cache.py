"""The user cache (compiled templates, styled DOCX base) changes nothing but speed."""
from __future__ import annotations

import pytest

from briefgen import cache
from briefgen.render import RenderOptions, docx_writer, get_writer, templating


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    def clear():
        cache.cache_dir.cache_clear()
        templating._environment.cache_clear()
        docx_writer._BASES.clear()

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("BRIEFGEN_NO_CACHE", raising=False)
    clear()
    yield tmp_path / "briefgen", clear
    clear()


def test_cached_and_uncached_builds_are_identical(fresh_cache, golden_brief, monkeypatch):
    where, clear = fresh_cache
    first = get_writer("docx")(golden_brief, RenderOptions(lang="en"))
    assert list(where.glob("base-*.docx")) and list((where / "jinja").iterdir())
    clear()  # as a new process would: nothing in memory, the files on disk
    assert get_writer("docx")(golden_brief, RenderOptions(lang="en")) == first
    monkeypatch.setenv("BRIEFGEN_NO_CACHE", "1")
    clear()
    assert get_writer("docx")(golden_brief, RenderOptions(lang="en")) == first


def test_unwritable_cache_is_no_error(tmp_path, monkeypatch, golden_brief):
    (tmp_path / "file").write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))
    cache.cache_dir.cache_clear()
    try:
        assert cache.cache_dir() is None
        assert cache.read("anything") is None
        cache.write("anything", b"x")
    finally:
        cache.cache_dir.cache_clear()
