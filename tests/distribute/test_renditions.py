"""A pack in another label language: rendered once into <pack>/<lang>/, reused until the pack is rebuilt."""
from __future__ import annotations

from pypdf import PdfReader

from briefgen.distribute.renditions import rendition
from briefgen.pack.manifest import read_manifest

from .mailkit import build_pack


def test_same_language_is_the_pack_itself(tmp_path):
    pack = read_manifest(build_pack(tmp_path))
    assert rendition(pack, "ru") is pack


def test_english_rendition_is_made_once_and_names_its_pack(tmp_path):
    pack = read_manifest(build_pack(tmp_path))
    en = rendition(pack, "en")
    assert en.dir == pack.dir / "en" and (en.lang, en.parent, en.marking) == ("en", pack.sha256, pack.marking)
    assert set(en.files) == set(pack.files)
    stamp = (en.dir / "manifest.json").stat().st_mtime_ns
    assert rendition(pack, "en").sha256 == en.sha256
    assert (en.dir / "manifest.json").stat().st_mtime_ns == stamp  # reused, not rendered again


def test_a_rebuilt_pack_gets_a_new_rendition(tmp_path):
    old = rendition(read_manifest(build_pack(tmp_path, marking=None)), "en")
    pack = read_manifest(build_pack(tmp_path, marking="Секретно"))
    new = rendition(pack, "en")
    assert new.parent == pack.sha256 != old.parent and new.marking == "Секретно"


def test_the_english_rendition_keeps_the_look_of_its_pack(tmp_path):
    theme = tmp_path / "unit.yaml"
    theme.write_text("organisation: Отдел Центральной Азии\n", encoding="utf-8")
    pack = read_manifest(build_pack(tmp_path, formats=("json", "pdf"), theme=theme, paper="Letter", prepared="2025-11-20"))
    en = rendition(pack, "en")
    assert en.look == pack.look == {"theme": str(theme.resolve()), "paper": "Letter", "prepared": "2025-11-20"}
    pdf = PdfReader(en.dir / "brief.pdf")
    assert pdf.metadata.author == "Отдел Центральной Азии" and pdf.metadata["/CreationDate"].startswith("D:20251120")
    assert [round(float(x)) for x in pdf.pages[0].mediabox[2:]] == [612, 792]
