"""Start-up stays cheap: what each entry point imports, checked in a fresh interpreter."""
from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ["natasha", "slovnet", "navec", "razdel", "pymorphy3", "reportlab", "docx", "jinja2", "yaml"]


def modules_after(code: str) -> set[str]:
    """The module names loaded in a new interpreter after running `code`."""
    probe = f"{code}\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_help_loads_no_model_and_no_writer_library():
    loaded = modules_after(
        "from briefgen.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass"
    )
    assert not {m.split(".")[0] for m in loaded} & set(HEAVY)


def test_extraction_reads_the_dictionary_through_the_c_dawg_and_never_needs_pkg_resources(seed_path, monkeypatch):
    monkeypatch.setenv("BRIEFGEN_NO_CACHE", "1")  # the dictionary is loaded, not stored readings read
    loaded = modules_after(
        "from briefgen.extract import extract_brief\n"
        "from briefgen.source import read_source\n"
        f"extract_brief(read_source({str(seed_path)!r}))"
    )
    assert "slovnet" in loaded and "pymorphy3" in loaded
    assert "pkg_resources" not in loaded
    assert "dawg" in loaded  # DAWG2, pymorphy3's [fast] extra: without it pymorphy3 falls back to its Python reader


def test_a_plain_text_source_loads_no_reader(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("date 2025-01-01\nМинистр провёл переговоры.\n", encoding="utf-8")
    loaded = modules_after(f"from briefgen.source import read_source\nread_source({str(path)!r})")
    assert not {m.split(".")[0] for m in loaded} & {"trafilatura", "pypdf", "docx", "lxml"}


def test_a_layout_process_loads_no_template_engine_and_no_digest(tmp_path, seed_path):
    """A process handed its compositions (a forked layout process, see render.shared) writes both PDFs without them."""
    import pickle

    from briefgen.pack.build import load_input
    from briefgen.render import DOCUMENTS, RenderOptions, compositions, shared

    brief = load_input(seed_path, seed_path.read_bytes())
    handover = tmp_path / "handover.pickle"
    handover.write_bytes(pickle.dumps((brief, shared.composed(brief, RenderOptions(), ["pdf", "factsheet"]))))
    loaded = modules_after(
        "import pickle\nfrom briefgen.render import RenderOptions, factsheet_writer, pdf_writer, shared\n"
        f"brief, handover = pickle.loads(open({str(handover)!r}, 'rb').read())\nshared.adopt(handover)\n"
        "assert pdf_writer.write(brief, RenderOptions())[:5] == b'%PDF-'\n"
        "assert factsheet_writer.write(brief, RenderOptions())[:5] == b'%PDF-'"
    )
    assert "reportlab" in {m.split(".")[0] for m in loaded}
    assert not {"jinja2", "briefgen.digest", "briefgen.render.compose"} & loaded
    assert {DOCUMENTS["brief"].template, DOCUMENTS["factsheet"].template} <= {k[2] for k in compositions._recent}


def test_a_pack_rendered_again_loads_no_font_tools(tmp_path, seed_brief, user_cache):
    """fontTools makes the lean PDF faces, the DOCX's font subsets and its font table's classes once per user."""
    from briefgen.serialize import dump_json

    brief = tmp_path / "brief.json"
    brief.write_text(dump_json(seed_brief), encoding="utf-8")
    render = ("from briefgen.cli import main\ntry:\n"
              f"    main(['render', {str(brief)!r}, '--format', 'all', '-q', '-o', {str(tmp_path / 'out')!r}, '--force'])\n"
              "except SystemExit as e:\n    assert not e.code, e.code")  # fmt: skip
    assert "fontTools" in modules_after(render)
    assert "fontTools" not in {m.split(".")[0] for m in modules_after(render)}
