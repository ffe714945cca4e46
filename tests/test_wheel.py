"""The sdist and wheel, installed into a clean virtual environment, make a pack and a message outside the checkout.

This cannot pass from the source tree alone: templates, fonts and labels must
travel as package data, and every imported package must be declared. The
dependencies are kept as wheels in .venv/wheelhouse (filled from the package
index the first time), so later runs install offline.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from readers.article import web_page

ROOT = Path(__file__).resolve().parents[1]
WHEELHOUSE = ROOT / ".venv" / "wheelhouse"
PACK_FILES = {"brief.json", "brief.docx", "brief.pdf", "factsheet.pdf", "manifest.json"}


def run(*args, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run a command; fail the test with its output when it fails."""
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, f"{' '.join(map(str, args))}\n{done.stdout}\n{done.stderr}"
    return done


def install(python: Path, wheel: Path) -> None:
    """Install the wheel from the wheelhouse alone; fill the wheelhouse from the index first when it lacks something."""
    offline = [python, "-m", "pip", "install", "-q", "--no-index", "--find-links", WHEELHOUSE, wheel]
    if subprocess.run([str(a) for a in offline], capture_output=True).returncode != 0:
        run(sys.executable, "-m", "pip", "wheel", "-q", "--wheel-dir", WHEELHOUSE, wheel)
        for own in WHEELHOUSE.glob("briefgen-*.whl"):
            own.unlink()
        run(*offline)


@pytest.mark.slow
def test_the_installed_wheel_builds_a_pack_and_writes_a_message(tmp_path, seed_path):
    dist = tmp_path / "dist"
    run(sys.executable, "-m", "build", "--no-isolation", "--outdir", dist, ROOT)  # the wheel is built from the sdist
    [wheel] = dist.glob("briefgen-*.whl")
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", venv)
    install(venv / "bin" / "python", wheel)

    work = tmp_path / "desk"  # outside the checkout: nothing can come from the source tree
    work.mkdir()
    shutil.copy(seed_path, work / "article.txt")
    (work / "page.html").write_text(web_page(), encoding="utf-8")  # the readers' libraries are declared too
    reader = {"name": "Reader", "address": "reader@example.org", "formats": ["pdf", "factsheet"]}
    config = {"smtp": {"host": "127.0.0.1", "sender": "desk@example.org"}, "lists": {"desk": [reader]}}
    (work / "briefgen.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    briefgen = venv / "bin" / "briefgen"

    built = run(briefgen, "build", "article.txt", "page.html", cwd=work, env=env)
    assert "outputs/article/" in built.stdout and "outputs/page/" in built.stdout
    pack = work / "outputs" / "article"
    assert PACK_FILES <= {p.name for p in pack.iterdir()}
    assert PACK_FILES <= {p.name for p in (work / "outputs" / "page").iterdir()}
    run(briefgen, "send", "outputs/article", "--to", "desk", "--dry-run", cwd=work, env=env)
    assert [p.name for p in (pack / "outbox").iterdir()] == ["reader@example.org.eml"]
