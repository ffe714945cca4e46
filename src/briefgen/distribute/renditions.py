"""Turn a pack into its rendition with another language's labels, kept in <pack>/<lang>/ with its own manifest.

A rendition is rendered once per build of its pack (its manifest names the
pack's manifest as `parent`) and reused after that, so its files, and so what
a reader can verify, stay the same however often the pack is sent.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import BriefgenError, PackError
from ..model import Brief
from ..pack.manifest import MANIFEST, Manifest, read_manifest, write_manifest

BRIEF_FILE = "brief.json"


def load_pack_brief(pack: Manifest) -> Brief:
    """The Brief a pack was rendered from (its brief.json, checked against the manifest)."""
    from ..serialize import load_brief

    if BRIEF_FILE not in pack.files:
        raise PackError(f"{pack.dir}: the pack has no {BRIEF_FILE}: build it with `briefgen build`")
    try:
        return load_brief(pack.read_file(BRIEF_FILE).decode("utf-8"), "json")
    except (BriefgenError, UnicodeDecodeError) as e:
        raise PackError(f"{pack.dir / BRIEF_FILE}: {e}") from None


def rendition(pack: Manifest, lang: str) -> Manifest:
    """The pack with `lang` labels: the pack itself when built in `lang`, else its rendition in pack/<lang>/."""
    if lang == pack.lang:
        return pack
    target = pack.dir / lang
    if (target / MANIFEST).is_file():
        try:
            existing = read_manifest(target)
        except PackError:
            existing = None  # changed or broken: render it again
        if existing and existing.parent == pack.sha256 and existing.lang == lang:
            return existing
    return _render(pack, lang)


def _render(pack: Manifest, lang: str) -> Manifest:
    from ..pack.build import write_pack
    from ..render import FORMATS, RenderOptions, output_name

    brief = load_pack_brief(pack)
    look = pack.look
    options = RenderOptions(
        lang=lang,
        marking=pack.marking,
        theme=Path(look["theme"]) if look.get("theme") else None,
        template_dir=Path(look["template_dir"]) if look.get("template_dir") else None,
        paper=look.get("paper"),
        prepared=look.get("prepared"),
    )
    formats = [f for f in FORMATS if output_name(f) in pack.files]
    target = pack.dir / lang
    for stale in set(FORMATS) - set(formats):
        (target / output_name(stale)).unlink(missing_ok=True)
    write_pack(brief, target, formats, options)
    write_manifest(target, brief, options, parent=pack.sha256)
    return read_manifest(target)
