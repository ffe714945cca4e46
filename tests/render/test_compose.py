"""One set of templates for every format: a user's template change reaches DOCX and PDF alike."""
from __future__ import annotations

import io
import shutil
from pathlib import Path

import docx

from briefgen.render import RenderOptions, get_writer
from briefgen.render.paths import TEMPLATES_DIR

GOLDEN = Path(__file__).resolve().parents[1] / "golden"


def test_user_template_dir_changes_docx_and_pdf_alike(tmp_path, golden_brief, pdf_reader):
    mine = tmp_path / "templates"
    shutil.copytree(TEMPLATES_DIR / "labels", mine / "labels")
    shutil.copy(TEMPLATES_DIR / "brief.j2", mine / "brief.j2")
    labels = (mine / "labels" / "ru.yaml").read_text(encoding="utf-8").replace("summary: Главное", "summary: Коротко о главном")
    (mine / "labels" / "ru.yaml").write_text(labels, encoding="utf-8")
    brief_j2 = (mine / "brief.j2").read_text(encoding="utf-8")
    (mine / "brief.j2").write_text(brief_j2.replace("{% if participants %}", "{% if false %}"), encoding="utf-8")
    options = RenderOptions(template_dir=mine)

    d = docx.Document(io.BytesIO(get_writer("docx")(golden_brief, options)))
    headings = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
    pdf_text = "".join(p.extract_text() for p in pdf_reader(get_writer("pdf")(golden_brief, options)).pages)
    assert "Коротко о главном" in headings and "Коротко о главном" in pdf_text
    assert "Участники" not in headings and "Участники" not in pdf_text


def test_cli_reports_a_template_error_in_one_line(tmp_path, runner):
    from briefgen.cli import main

    mine = tmp_path / "templates"
    mine.mkdir()
    (mine / "brief.j2").write_text("<doc>\n{{ nothing.here }}\n</doc>\n", encoding="utf-8")
    brief = GOLDEN / "seed.brief.json"
    result = runner.invoke(main, ["render", str(brief), "--format", "pdf", "-o", str(tmp_path / "out"), "--template-dir", str(mine)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert "brief.j2:2: UndefinedError" in lines[0] and "Traceback" not in result.stderr


def test_the_templates_of_one_pack_share_one_context(golden_brief, monkeypatch):
    from briefgen.render import compose

    built = []
    original = compose.build_context
    monkeypatch.setattr(compose, "build_context", lambda *a, **k: built.append(1) or original(*a, **k))
    options = RenderOptions(organisation="A unit only this test names")  # options no other test composed with
    compose.compose(golden_brief, options, "brief.j2")
    compose.compose(golden_brief, options, "factsheet.j2")
    assert len(built) == 1
