"""Building one pack: stamps decide what is rebuilt, the pack is swapped in whole, nothing else is lost."""
from __future__ import annotations

import json
import os
import sys
import types
import warnings
from pathlib import Path

import pytest

from briefgen.errors import BriefgenError, RenderError
from briefgen.pack import build, forked
from briefgen.pack.batch import BUILT, CURRENT
from briefgen.pack.build import PackJob, build_one, build_pack, plan_packs
from briefgen.pack.stamp import STAMP_NAME, config_key, read_stamp
from briefgen.render import FORMATS, Format, RenderOptions, json_writer

TEXT = "date 2025-03-04\nПрезидент Казахстана провёл переговоры с президентом Узбекистана в Ташкенте.\n"


@pytest.fixture
def calls(monkeypatch) -> list[str]:
    """Register a second writer, "note" → note.txt, and record every format rendered."""
    rendered: list[str] = []
    module = types.ModuleType("fake_note_writer")

    def write(brief, options):
        rendered.append("note")
        return f"{brief.event}|{options.lang}".encode()

    module.write = write
    monkeypatch.setitem(sys.modules, "fake_note_writer", module)
    monkeypatch.setitem(FORMATS, "note", Format("note", "note", "txt", "fake_note_writer", "note.txt"))
    real_json = json_writer.write

    def json_write(brief, options):
        rendered.append("json")
        return real_json(brief, options)

    monkeypatch.setattr(json_writer, "write", json_write)
    return rendered


def job(out: Path, formats=("json", "note"), lang="ru", force=False) -> PackJob:
    options = RenderOptions(lang=lang)
    return PackJob(out, tuple(formats), options, config_key(options), force)


@pytest.fixture
def source(tmp_path) -> Path:
    path = tmp_path / "in" / "visit.txt"
    path.parent.mkdir()
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_a_pack_is_built_once_then_left_alone(tmp_path, source, calls, monkeypatch):
    out = tmp_path / "out"
    first = build_pack(job(out), source, "visit")
    assert first.status == BUILT and calls == ["json", "note"]
    assert sorted(p.name for p in (out / "visit").iterdir()) == [STAMP_NAME, "brief.json", "manifest.json", "note.txt"]
    monkeypatch.setattr("briefgen.pack.build.load_input", _never)
    again = build_pack(job(out), source, "visit")
    assert again.status == CURRENT and calls == ["json", "note"]


def test_only_missing_or_stale_formats_are_rendered(tmp_path, source, calls):
    out = tmp_path / "out"
    build_pack(job(out, ["json"]), source, "visit")
    json_inode = (out / "visit" / "brief.json").stat().st_ino
    build_pack(job(out), source, "visit")
    assert calls == ["json", "note"]
    assert (out / "visit" / "brief.json").stat().st_ino == json_inode  # kept, not rewritten
    build_pack(job(out, ["note"], lang="en"), source, "visit")
    assert calls == ["json", "note", "note"]
    stamp = read_stamp(out / "visit")
    assert stamp.formats == {"json": job(out).config, "note": job(out, lang="en").config}


def test_a_changed_source_rebuilds_every_format_the_pack_has(tmp_path, source, calls):
    out = tmp_path / "out"
    build_pack(job(out), source, "visit")
    source.write_text(TEXT + "Стороны подписали соглашение.\n", encoding="utf-8")
    outcome = build_pack(job(out, ["json"]), source, "visit")
    assert outcome.status == BUILT and calls == ["json", "note", "json", "note"]
    assert "подписали" in json.loads((out / "visit" / "brief.json").read_text(encoding="utf-8"))["source"]["text"]


def test_force_rebuilds_and_other_files_in_the_pack_are_kept(tmp_path, source, calls):
    out = tmp_path / "out"
    build_pack(job(out), source, "visit")
    (out / "visit" / "notes by hand.txt").write_text("мои заметки", encoding="utf-8")
    (out / "visit" / ".note.txt.briefgen-tmp-99999999-abcdefgh").write_text("half")  # a killed write's leftover
    (out / "visit" / "attachments").mkdir()
    (out / "visit" / "attachments" / "map.png").write_bytes(b"\x89PNG")
    assert build_pack(job(out, force=True), source, "visit").status == BUILT
    assert calls == ["json", "note", "json", "note"]
    assert (out / "visit" / "notes by hand.txt").read_text(encoding="utf-8") == "мои заметки"
    assert (out / "visit" / "attachments" / "map.png").read_bytes() == b"\x89PNG"
    assert not (out / "visit" / ".note.txt.briefgen-tmp-99999999-abcdefgh").exists()


def test_a_symlinked_pack_keeps_its_files_and_its_correction(tmp_path, source, calls):
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    build_pack(job(out, ["json"]), source, "visit")
    (out / "visit").rename(elsewhere)
    (out / "visit").symlink_to(elsewhere)
    brief = json.loads((elsewhere / "brief.json").read_text(encoding="utf-8"))
    brief["event"] = "Исправлено вручную"
    (elsewhere / "brief.json").write_text(json.dumps(brief, ensure_ascii=False), encoding="utf-8")
    assert build_pack(job(out), source, "visit").status == BUILT  # adds note.txt
    assert build_pack(job(out), source, "visit").status == CURRENT
    pack = out / "visit"
    assert sorted(p.name for p in pack.iterdir()) == [STAMP_NAME, "brief.json", "manifest.json", "note.txt"]
    assert (pack / "note.txt").read_text() == "Исправлено вручную|ru"
    assert json.loads((pack / "brief.json").read_text(encoding="utf-8"))["event"] == "Исправлено вручную"
    manifest = json.loads((pack / "manifest.json").read_text(encoding="utf-8"))
    assert [f["name"] for f in manifest["files"]] == ["brief.json", "note.txt"]


def test_a_failing_writer_leaves_the_old_pack_as_it_was(tmp_path, source, calls, monkeypatch):
    out = tmp_path / "out"
    build_pack(job(out), source, "visit")
    before = {p.name: p.read_bytes() for p in (out / "visit").iterdir()}

    def broken(brief, options):
        raise RuntimeError("broken writer")

    monkeypatch.setattr(sys.modules["fake_note_writer"], "write", broken)
    with pytest.raises(RuntimeError):
        build_pack(job(out, force=True), source, "visit")
    assert {p.name: p.read_bytes() for p in (out / "visit").iterdir()} == before
    assert [p.name for p in out.iterdir()] == ["visit"]


def test_a_broken_brief_in_an_unchanged_pack_is_named(tmp_path, source, calls):
    out = tmp_path / "out"
    build_pack(job(out, ["json"]), source, "visit")
    (out / "visit" / "brief.json").write_text('{"schema_version": 1, "source": 3}', encoding="utf-8")
    with pytest.raises(BriefgenError, match=r"out/visit/brief.json: source: expected object"):
        build_pack(job(out), source, "visit")


def test_plan_packs_names_by_source_keeps_names_and_never_takes_another_sources_pack(tmp_path, calls):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a, b = tmp_path / "a" / "visit.txt", tmp_path / "b" / "visit.txt"
    a.write_text(TEXT, encoding="utf-8")
    b.write_text(TEXT.replace("Ташкенте", "Астане"), encoding="utf-8")
    out = tmp_path / "out"
    assert plan_packs([a, a], out) == [(a, "visit")]
    build_pack(job(out, ["json"]), a, "visit")
    assert plan_packs([b], out) == [(b, "b_visit")]  # "visit" is a's pack, and a still exists
    assert plan_packs([b, a], out) == [(b, "b_visit"), (a, "visit")]
    own = out / "visit" / "brief.json"
    assert plan_packs([own], out) == [(own, "visit")]
    corrected = tmp_path / "corrected.json"  # a's brief, saved elsewhere: same source, same pack
    corrected.write_bytes(own.read_bytes())
    assert plan_packs([corrected], out) == [(corrected, "visit")]
    a.unlink()
    assert plan_packs([b], out) == [(b, "visit")]  # a is gone: its pack's name is free
    (out / "sent.jsonl").write_text("{}\n")
    sent = tmp_path / "b" / "sent.jsonl.txt"
    sent.write_text(TEXT, encoding="utf-8")
    assert plan_packs([sent], out) == [(sent, "b_sent.jsonl")]  # never in the place of a file


def test_copies_in_one_run_get_packs_of_their_own(tmp_path):
    paths = [tmp_path / folder / "visit.txt" for folder in ("x", "y")]
    for p in paths:
        p.parent.mkdir()
        p.write_text(TEXT, encoding="utf-8")
    assert [name for _, name in plan_packs(paths, tmp_path / "out")] == ["x_visit", "y_visit"]


def test_a_brief_file_is_named_by_its_source_and_a_pack_keeps_its_source(tmp_path, source, calls):
    out = tmp_path / "out"
    assert build_one(source, out, ["json"], RenderOptions()).outdir == out / "visit"
    brief = json.loads((out / "visit" / "brief.json").read_text(encoding="utf-8"))
    carrier = tmp_path / "brief-input.json"
    for name in ("сводка_1.txt", "сводка_2.txt"):
        carrier.write_text(json.dumps({**brief, "source": {**brief["source"], "name": name}}), encoding="utf-8")
        assert build_one(carrier, out, ["json"], RenderOptions()).outdir == out / Path(name).stem
    own = out / "visit" / "brief.json"
    assert build_one(own, out, ["json"], RenderOptions(), force=True).outdir == out / "visit"
    assert read_stamp(out / "visit").input == str(source.resolve())  # still the pack of its source text


def _never(*args):
    raise AssertionError("an up-to-date pack was loaded again")


def test_an_unexpected_error_while_planning_fails_only_its_input(tmp_path, source, runner, monkeypatch):
    from briefgen.cli import main

    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    build_one(source, tmp_path / "first", ["json"], RenderOptions())
    brief = (tmp_path / "first" / "visit" / "brief.json").read_text(encoding="utf-8")
    good.write_text(brief, encoding="utf-8")
    bad.write_text(brief, encoding="utf-8")
    real = build.load_input

    def overflowing(path, raw):
        if path.name == "bad.json":
            raise OverflowError("int too large to convert to float")
        return real(path, raw)

    monkeypatch.setattr(build, "load_input", overflowing)
    out = tmp_path / "out"
    result = runner.invoke(main, ["render", str(good), str(bad), "--format", "json", "-o", str(out)])
    assert result.exit_code == 1
    assert f"briefgen: error: {bad}: internal error: OverflowError: int too large to convert to float\n" in result.stderr
    assert (out / "visit" / "brief.json").is_file()


@pytest.fixture
def first_pack(monkeypatch):
    """As in a new process: its first pack's PDFs are laid out in a forked process."""
    monkeypatch.setattr(build, "_forked_before", False)


def test_the_pdfs_laid_out_in_a_forked_process_are_the_same_files(tmp_path, source, monkeypatch, first_pack):
    formats = ("json", "docx", "pdf", "factsheet")
    forked_pack = build_pack(job(tmp_path / "a", formats), source, "visit")
    assert build._forked_before == forked.available()
    in_process = build_pack(job(tmp_path / "b", formats), source, "visit")  # the second pack: laid out here
    assert list(forked_pack.timings) == list(in_process.timings) == ["brief", *formats]
    for name in ("brief.json", "brief.docx", "brief.pdf", "factsheet.pdf"):
        assert (tmp_path / "a" / "visit" / name).read_bytes() == (tmp_path / "b" / "visit" / name).read_bytes()


@pytest.mark.skipif(not forked.available(), reason="calls are forked only on Linux")
def test_a_forked_pack_composes_each_document_once_and_lays_the_brief_out_once(tmp_path, source, monkeypatch, first_pack):
    """The parent composes both documents and hands them over; the DOCX takes the child's pages, laying out nothing."""
    from briefgen.render import compose, compositions, pages, pdf_writer

    monkeypatch.setattr(compositions, "_recent", {})  # as in a new process: nothing composed or laid out yet
    compose._context.cache_clear()
    monkeypatch.setattr(pages, "_last", [])
    log = tmp_path / "calls.log"

    def logged(name, fn):
        def call(*args, **kwargs):
            with log.open("a") as f:
                f.write(f"{name} {os.getpid()}\n")
            return fn(*args, **kwargs)
        return call

    monkeypatch.setattr(compose, "render", logged("compose", compose.render))  # a template made into a tree
    monkeypatch.setattr(pdf_writer, "_laid_out", logged("layout", pdf_writer._laid_out))
    build_pack(job(tmp_path / "out", ("json", "docx", "pdf", "factsheet")), source, "visit")
    calls = [line.split() for line in log.read_text().splitlines()]
    composed = [pid for name, pid in calls if name == "compose"]
    laid_out = [pid for name, pid in calls if name == "layout"]
    assert composed == [str(os.getpid())] * 2  # the brief and the fact sheet, here
    assert laid_out and str(os.getpid()) not in laid_out  # in the child only (once, or twice when the contents stay)


@pytest.mark.skipif(not forked.available(), reason="calls are forked only on Linux")
def test_the_docx_is_rehearsed_while_the_child_lays_out_and_warns_once(tmp_path, source, monkeypatch, first_pack):
    """The DOCX waits for the child's pages: it is written once on provisional pages meanwhile, silently, then for real."""
    from briefgen.render import docx_writer, pages

    written: list[int] = []
    write = docx_writer.write

    def counted(brief, options):
        layout = pages.last()
        written.append(layout[2].pages if layout else 0)
        warnings.warn("a DOCX warning", UserWarning, stacklevel=1)
        return write(brief, options)

    monkeypatch.setattr(docx_writer, "write", counted)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        build_pack(job(tmp_path / "out", ("json", "docx", "pdf", "factsheet")), source, "visit")
    assert written[0] == 1 and len(written) == 2 and written[1] > 1  # provisional one page, then the PDF's pages
    assert [str(w.message) for w in caught].count("a DOCX warning") == 1


@pytest.mark.skipif(not forked.available(), reason="calls are forked only on Linux")
@pytest.mark.parametrize("failing", ["pdf", "docx"])
def test_a_failure_on_either_side_of_the_fork_leaves_no_pack(tmp_path, source, monkeypatch, failing, first_pack):
    from briefgen.render import docx_writer, pdf_writer

    def broken(brief, options):
        raise RenderError(f"{failing}: broken")

    monkeypatch.setattr({"pdf": pdf_writer, "docx": docx_writer}[failing], "write", broken)
    out = tmp_path / "out"
    with pytest.raises(RenderError, match=f"{failing}: broken"):
        build_pack(job(out, ("json", "docx", "pdf", "factsheet")), source, "visit")
    assert list(out.iterdir()) == []


@pytest.mark.skipif(not forked.available(), reason="calls are forked only on Linux")
def test_a_bad_source_stops_the_process_waiting_to_lay_out(tmp_path, monkeypatch, first_pack):
    stopped = []
    stop = forked.Child.stop
    monkeypatch.setattr(forked.Child, "stop", lambda child: stopped.append(child.pid) or stop(child))
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    with pytest.raises(BriefgenError, match="empty"):
        build_pack(job(tmp_path / "out", ("json", "docx", "pdf", "factsheet")), empty, "empty")
    assert len(stopped) == 1
    with pytest.raises(ChildProcessError):
        os.waitpid(stopped[0], os.WNOHANG)
