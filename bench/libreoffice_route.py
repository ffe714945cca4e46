"""The route teams take without briefgen: write the brief as DOCX with python-docx, convert with LibreOffice.

Usage: libreoffice_route.py BRIEF.json OUTDIR SOFFICE. The same content as
briefgen's brief (headings, participants, figures, commitments, quotes, the
source text); timed as a whole process by bench/run.py.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from docx import Document


def main(brief_path: str, outdir: str, soffice: str) -> None:
    brief = json.loads(Path(brief_path).read_text(encoding="utf-8"))
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    doc = Document()
    doc.add_heading(brief.get("event") or brief["source"]["name"], 0)
    for title, items, line in [
        ("Участники", brief["participants"], lambda p: f"{p['name']} — {p.get('role') or ''}"),
        ("Договорённости", brief["commitments"], lambda c: c["text"]),
        ("Цифры", brief["figures"], lambda f: f"{f['text']}: {f.get('value')} {f.get('unit') or ''}"),
        ("Цитаты", brief["quotes"], lambda q: f"«{q['text']}» — {q.get('speaker') or ''}"),
    ]:
        doc.add_heading(title, 1)
        for item in items:
            doc.add_paragraph(line(item), style="List Bullet")
    doc.add_heading("Источник", 1)
    for para in brief["source"]["text"].split("\n"):
        if para.strip():
            doc.add_paragraph(para)
    docx = out / "brief.docx"
    doc.save(docx)
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(out), str(docx)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


if __name__ == "__main__":
    main(*sys.argv[1:4])
