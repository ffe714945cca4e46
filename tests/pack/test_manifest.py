"""manifest.json: written with every pack, describing each file, and checked before a pack is sent."""
from __future__ import annotations

import hashlib
import json
import re

import pytest
from tests.distribute.mailkit import MARKING, build_pack, make_brief

from briefgen import __version__
from briefgen.errors import PackError
from briefgen.pack.manifest import read_manifest


def test_every_built_pack_has_a_manifest_of_its_files(tmp_path):
    pack = build_pack(tmp_path)
    data = json.loads((pack / "manifest.json").read_text(encoding="utf-8"))
    brief = make_brief()
    assert data["generator"] == {"name": "briefgen", "version": __version__}
    assert data["source"] == {"name": brief.source.name, "sha256": brief.source.sha256}
    assert (data["lang"], data["marking"]) == ("ru", MARKING)
    files = {p.name: p.read_bytes() for p in pack.iterdir() if p.name != "manifest.json" and not p.name.startswith(".")}
    assert data["files"] == [
        {"name": n, "size": len(b), "sha256": hashlib.sha256(b).hexdigest()} for n, b in sorted(files.items())
    ]


def test_the_same_files_give_the_same_manifest(tmp_path):
    first = (build_pack(tmp_path) / "manifest.json").read_bytes()
    assert (build_pack(tmp_path) / "manifest.json").read_bytes() == first
    manifest = read_manifest(build_pack(tmp_path))
    assert manifest.sha256 == hashlib.sha256(first).hexdigest() and manifest.raw == first


def test_a_changed_or_missing_file_is_caught(tmp_path):
    pack = build_pack(tmp_path)
    (pack / "brief.json").write_bytes((pack / "brief.json").read_bytes() + b" ")
    with pytest.raises(PackError, match="brief.json: changed since the pack was built"):
        read_manifest(pack)
    (pack / "brief.json").unlink()
    with pytest.raises(PackError, match="brief.json: listed in manifest.json but missing"):
        read_manifest(pack)


@pytest.mark.parametrize("content, message", [(None, "not a pack (no manifest.json)"),
                                              ("[1]", "not a briefgen manifest"),
                                              ("{", "not a briefgen manifest")])
def test_no_or_bad_manifest(tmp_path, content, message):
    pack = build_pack(tmp_path)
    if content is None:
        (pack / "manifest.json").unlink()
    else:
        (pack / "manifest.json").write_text(content)
    with pytest.raises(PackError, match=re.escape(message)):
        read_manifest(pack)


@pytest.mark.parametrize("name", ["/dev/zero", "../../etc/hostname", "../brief.json", "sub/brief.json", "notes.txt"])
def test_a_manifest_cannot_name_a_file_outside_the_pack(tmp_path, name):
    pack = build_pack(tmp_path)
    data = json.loads((pack / "manifest.json").read_text(encoding="utf-8"))
    data["files"].append({"name": name, "size": 10, "sha256": "00" * 32})
    (pack / "manifest.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(PackError, match=re.escape(f"names {name!r}, which is no file of a pack")):
        read_manifest(pack)


@pytest.mark.parametrize("target", ["/dev/zero", "outside"])
def test_a_pack_file_that_is_a_symlink_or_device_is_not_read(tmp_path, target):
    pack = build_pack(tmp_path)
    outside = tmp_path / "outside"
    outside.write_bytes((pack / "brief.json").read_bytes())
    (pack / "brief.json").unlink()
    (pack / "brief.json").symlink_to(target if target.startswith("/") else outside)
    with pytest.raises(PackError, match="brief.json: not a plain file of the pack"):
        read_manifest(pack)


def test_a_manifest_that_is_a_device_is_read_with_a_limit(tmp_path):
    pack = build_pack(tmp_path)
    (pack / "manifest.json").unlink()
    (pack / "manifest.json").symlink_to("/dev/zero")
    with pytest.raises(PackError, match="manifest.json: cannot read"):
        read_manifest(pack)
