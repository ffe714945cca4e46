"""Measure briefgen's speed and memory, print one table and write outputs/bench.json.

Rows: cold single build and cold `render --format all` of the seed (whole
processes) and that render's floor (a process that only lays out the brief's
PDF, composed ahead: no cold render can be faster), the first build of all
(empty user cache), cold builds of articles the user cache has not met (their
words' readings not stored yet), `--help`/`--version` cold, warm per-pack
stages inside one process, batches of 100 articles with --jobs 1 and 2, peak
RSS, and the LibreOffice route for the same content: `soffice --convert-to pdf`
of briefgen's own brief.docx of the seed, with a fresh LibreOffice profile and
with a warm one (skipped, with a note, where LibreOffice is not installed).
Every child runs as a user's would: byte code written and the user cache (a
temporary one) filled by one untimed run first. Two hostile inputs too: a
source with a 3,000-letter word (against the seed's build) and briefs at and
just over the size limits.
Run with `make bench`; nothing here is a unit test.
"""
from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_c0882ce87bb2ddc4.txt"
EVAL = Path(os.environ.get("BRIEFGEN_EVAL", ROOT.parent / "shared" / "eval"))
BRIEFGEN = [sys.executable, "-m", "briefgen"]
TARGETS = {  # (target, True when higher is better)
    "cold_build_median_s": (1.0, False),
    "cold_build_vs_libreoffice_warm_convert": (1.0, False),
    "help_median_s": (0.3, False),
    "warm_total_median_ms": (125, False),
    "batch_jobs2_packs_per_s": (10.0, True),
    "peak_rss_mb": (350, False),
    "render_speedup_vs_libreoffice_warm": (2.5, True),
    "render_speedup_vs_libreoffice_fresh": (5.0, True),
    "long_word_build_vs_seed": (5.0, False),
    "size_limit_brief_render_s": (60.0, False),
}
LONG_WORD = "Абв" + "г" * 2997  # a pasted hash, a URL, a run of one letter: no break anywhere


def run_timed(cmd: list[str]) -> dict:
    """Wall time (s), CPU time (s) and peak RSS (MB) of one whole new process, measured by bench/measure.py."""
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "measure.py"), *cmd], capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(out.stderr.strip())
    return json.loads(out.stdout)


def cold(cmd_for_run, runs: int) -> dict:
    """Min/median wall time, median CPU time and peak RSS over `runs` fresh processes."""
    got = [run_timed(cmd_for_run(i)) for i in range(runs)]
    times = [g["seconds"] for g in got]
    return {"min_s": min(times), "median_s": statistics.median(times), "runs": runs,
            "cpu_median_s": statistics.median(g["cpu_seconds"] for g in got), "peak_rss_mb": max(g["peak_rss_mb"] for g in got)}


def warm(packs: int) -> dict:
    """Median per-stage time (ms) for one pack inside one process, models already loaded."""
    from briefgen import nlp
    from briefgen.extract import extract_brief
    from briefgen.render import FORMATS, RenderOptions, get_writer
    from briefgen.source import read_source

    warnings.simplefilter("ignore")  # a text's characters no font has: the tests' business, not the bench's
    nlp.warm_up()
    texts = sorted(EVAL.glob("texts/*.txt")) + sorted(EVAL.glob("nerel-dev/texts/*.txt")) + [SEED]
    options = RenderOptions()
    writers = {name: get_writer(name) for name in FORMATS}
    for write in writers.values():  # first call registers fonts, compiles templates
        write(extract_brief(read_source(SEED)), options)
    stages: dict[str, list[float]] = {"extract": [], **{n: [] for n in writers}, "total": [], "cpu": []}
    for i in range(packs):
        source = read_source(texts[i % len(texts)])
        c0 = time.process_time()
        t0 = time.perf_counter()
        brief = extract_brief(source)
        t1 = time.perf_counter()
        stages["extract"].append((t1 - t0) * 1000)
        for name, write in writers.items():
            s = time.perf_counter()
            write(brief, options)
            stages[name].append((time.perf_counter() - s) * 1000)
        stages["total"].append((time.perf_counter() - t0) * 1000)
        stages["cpu"].append((time.process_time() - c0) * 1000)  # beside the wall time: what other load on the machine does not add
    seed = read_source(SEED)
    seed_times = []
    for _ in range(10):
        s = time.perf_counter()
        extract_brief(seed)
        seed_times.append((time.perf_counter() - s) * 1000)
    result = {name: statistics.median(v) for name, v in stages.items()}
    result["extract_seed"] = statistics.median(seed_times)
    result["packs"] = packs
    return result


def model_load_seconds() -> float:
    """Time to load every model in a fresh process (reported beside the warm numbers)."""
    code = "import time;t=time.perf_counter();from briefgen import nlp;nlp.warm_up();print(time.perf_counter()-t)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def batch(workdir: Path, jobs: int, count: int = 100) -> dict:
    """Packs per second for `count` articles built in one run with --jobs N."""
    inputs = workdir / "in"
    if not inputs.exists():
        texts = sorted(EVAL.glob("texts/*.txt")) + sorted(EVAL.glob("nerel-dev/texts/*.txt")) + [SEED]
        inputs.mkdir(parents=True)
        for i in range(count):
            shutil.copy(texts[i % len(texts)], inputs / f"a{i:03d}.txt")
    out = workdir / f"out-{jobs}"
    files = sorted(str(p) for p in inputs.glob("*.txt"))
    got = run_timed([*BRIEFGEN, "build", *files, "-o", str(out), "--jobs", str(jobs)])
    t = got["seconds"]
    return {"jobs": jobs, "articles": count, "seconds": t, "cpu_seconds": got["cpu_seconds"], "packs_per_s": count / t,
            "peak_rss_mb": got["peak_rss_mb"]}


def pdf_floor(work: Path, brief_json: Path, runs: int = 5) -> dict:
    """Fresh processes that only lay out the brief's PDF, composed ahead (see bench/pdf_floor.py)."""
    script, handover = str(ROOT / "bench" / "pdf_floor.py"), str(work / "handover.pickle")
    subprocess.run([sys.executable, script, "--compose", str(brief_json), handover], check=True)
    return cold(lambda i: [sys.executable, script, handover], runs)


def libreoffice_route(workdir: Path, brief_json: Path, runs: int) -> dict | None:
    """`soffice --convert-to pdf` of briefgen's own brief.docx of the seed, with a fresh and with a warm profile."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        return None
    subprocess.run([*BRIEFGEN, "render", str(brief_json), "--format", "docx", "-q", "-o", str(workdir / "lo")], check=True)
    [docx] = (workdir / "lo").glob("*/brief.docx")

    def convert(profile: Path) -> list[str]:
        return [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                "--outdir", str(workdir / "lo-pdf"), str(docx)]

    warm_profile = workdir / "lo-profile-warm"
    subprocess.run(convert(warm_profile), check=True, capture_output=True)  # creates the profile, untimed
    return {
        "fresh": cold(lambda i: convert(workdir / f"lo-profile-fresh-{i}"), runs),
        "warm": cold(lambda i: convert(warm_profile), runs),
    }


def long_word(work: Path, seed_median: float, runs: int = 3) -> dict:
    """Cold build of the seed with a 3,000-letter word as a speaker's name and in a quote (narrow table cells)."""
    lines = SEED.read_text(encoding="utf-8").split("\n")
    lines.insert(3, f"Министр {LONG_WORD} Петров заявил: «Мы подпишем соглашение о {LONG_WORD}».")
    source = work / "long-word.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    got = cold(lambda i: [*BRIEFGEN, "build", str(source), "-o", str(work / f"long{i}")], runs)
    return {**got, "bytes": source.stat().st_size, "vs_seed": got["median_s"] / seed_median}


def size_limits(work: Path) -> dict:
    """`render --format all` of a brief at the limits (1,000 figures, a 20,000-character event), and one just over."""
    from briefgen.serialize import MAX_ITEMS, MAX_TEXT

    brief_json = work / "seed-limits.json"
    subprocess.run([*BRIEFGEN, "extract", str(SEED), "-o", str(brief_json)], check=True)
    brief = json.loads(brief_json.read_text(encoding="utf-8"))
    figures = brief["figures"]
    at = {**brief, "event": ("Встреча министров " * MAX_TEXT)[:MAX_TEXT],
          "figures": [figures[i % len(figures)] for i in range(MAX_ITEMS)]}
    over = {**at, "figures": at["figures"] + figures[:1]}
    result = {}
    for name, data in (("at", at), ("over", over)):
        path = work / f"limits-{name}.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        start = time.perf_counter()
        run = subprocess.run([*BRIEFGEN, "render", str(path), "--format", "all", "-o", str(work / f"limits-{name}")],
                             capture_output=True, text=True)
        result[name] = {"seconds": time.perf_counter() - start, "exit": run.returncode, "bytes": path.stat().st_size,
                        "stderr": run.stderr.strip()}
    return result


def main() -> int:
    results: dict = {"load_average_before": os.getloadavg()}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        _as_a_user(work / "user-cache")
        results["first_build"] = cold(lambda i: [*BRIEFGEN, "build", str(SEED), "-o", str(work / "first")], 1)
        results["cold_build"] = cold(lambda i: [*BRIEFGEN, "build", str(SEED), "-o", str(work / f"cold{i}")], 5)
        others = sorted(EVAL.glob("texts/*.txt"))[:5]  # each new to the user cache (its words' readings, above all)
        results["cold_build_new"] = cold(lambda i: [*BRIEFGEN, "build", str(others[i]), "-o", str(work / f"new{i}")], len(others))
        results["help"] = cold(lambda i: [*BRIEFGEN, "--help"], 5)
        results["version"] = cold(lambda i: [*BRIEFGEN, "--version"], 5)
        brief_json = work / "cold0" / SEED.stem / "brief.json"
        render = [*BRIEFGEN, "render", str(brief_json), "--format", "all", "-o"]
        results["cold_render"] = cold(lambda i: [*render, str(work / f"render{i}")], 5)
        results["pdf_floor"] = pdf_floor(work, brief_json)
        results["libreoffice"] = libreoffice_route(work, brief_json, 3)
        results["model_load_s"] = model_load_seconds()
        results["warm_ms"] = warm(20)
        results["batch"] = [batch(work, 1), batch(work, 2)]
        results["long_word"] = long_word(work, results["cold_build"]["median_s"])
        results["size_limits"] = size_limits(work)
    results["load_average_after"] = os.getloadavg()
    checks = {
        "cold_build_median_s": results["cold_build"]["median_s"],
        "help_median_s": results["help"]["median_s"],
        "warm_total_median_ms": results["warm_ms"]["total"],
        "batch_jobs2_packs_per_s": results["batch"][1]["packs_per_s"],
        "peak_rss_mb": max(results["cold_build"]["peak_rss_mb"], *(b["peak_rss_mb"] for b in results["batch"])),
    }
    lo = results["libreoffice"]
    if lo:
        checks["cold_build_vs_libreoffice_warm_convert"] = results["cold_build"]["median_s"] / lo["warm"]["median_s"]
        for profile in ("warm", "fresh"):
            checks[f"render_speedup_vs_libreoffice_{profile}"] = lo[profile]["median_s"] / results["cold_render"]["median_s"]
    checks["long_word_build_vs_seed"] = results["long_word"]["vs_seed"]
    checks["size_limit_brief_render_s"] = results["size_limits"]["at"]["seconds"]
    results["targets"] = {k: {"value": v, "target": TARGETS[k][0], "ok": _ok(k, v)} for k, v in checks.items()}
    print_table(results)
    out = ROOT / "outputs" / "bench.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(f"\nwritten {out.relative_to(ROOT)}")
    return 0


def _as_a_user(cache_home: Path) -> None:
    """Run every child (and the warm measurement here) as a user's: byte code written, a user cache of its own."""
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["XDG_CACHE_HOME"] = str(cache_home)
    os.environ.pop("BRIEFGEN_NO_CACHE", None)


def _ok(key: str, value: float) -> bool:
    target, higher_is_better = TARGETS[key]
    return value >= target if higher_is_better else value <= target


def print_table(r: dict) -> None:
    cb, cr, w = r["cold_build"], r["cold_render"], r["warm_ms"]
    rows = [
        ("load average (1, 5, 15 min) before / after", f"{_load(r['load_average_before'])} / {_load(r['load_average_after'])}"),
        ("first build of all (empty user cache)", _cold(r["first_build"])),
        ("cold build of the seed (5 runs)", _cold(cb)),
        (f"cold build of {r['cold_build_new']['runs']} articles new to the user cache (one run each)", _cold(r["cold_build_new"])),
        ("cold render --format all of its brief (5 runs)", _cold(cr)),
        ("its floor: a process that only lays out brief.pdf, composed ahead (5 runs)", _cold(r["pdf_floor"])),
        ("briefgen --help (median of 5)", f"{r['help']['median_s'] * 1000:.0f} ms"),
        ("briefgen --version (median of 5)", f"{r['version']['median_s'] * 1000:.0f} ms"),
        ("model load (fresh process)", f"{r['model_load_s'] * 1000:.0f} ms"),
        (f"warm per pack (median of {w['packs']})", "  ".join(f"{k} {v:.1f} ms" for k, v in w.items() if k not in ("packs", "extract_seed", "cpu"))
         + f" (CPU {w['cpu']:.1f} ms)"),
        ("warm extraction of the seed", f"{w['extract_seed']:.1f} ms"),
    ]
    for b in r["batch"]:
        rows.append((f"batch {b['articles']} articles, --jobs {b['jobs']}",
                     f"{b['seconds']:.1f} s (CPU {b['cpu_seconds']:.1f} s), {b['packs_per_s']:.2f} packs/s, RSS {b['peak_rss_mb']} MB"))
    lo = r["libreoffice"]
    for profile in ("fresh", "warm"):
        label = f"LibreOffice brief.docx -> PDF, {profile} profile (3 runs)"
        if lo:
            t = lo[profile]["median_s"]
            rows.append((label, f"median {t:.2f} s (CPU {lo[profile]['cpu_median_s']:.2f} s); cold render is "
                                f"{t / cr['median_s']:.1f}x faster (at most {t / r['pdf_floor']['median_s']:.1f}x: "
                                f"the floor), cold build takes {cb['median_s'] / t:.2f}x"))
        else:
            rows.append((label, "skipped: LibreOffice (soffice) is not installed"))
    lw, lim = r["long_word"], r["size_limits"]
    rows.append((f"build with a 3,000-letter word ({lw['bytes'] // 1024} KB, {lw['runs']} runs)",
                 f"median {lw['median_s']:.2f} s = {lw['vs_seed']:.1f}× the seed's, RSS {lw['peak_rss_mb']} MB"))
    rows.append(("render all: brief at the limits (1,000 figures, 20,000-char event)",
                 f"{lim['at']['seconds']:.1f} s, exit {lim['at']['exit']}"))
    rows.append(("render all: brief just over (1,001 figures)",
                 f"{lim['over']['seconds']:.1f} s, exit {lim['over']['exit']}: {lim['over']['stderr'].split(': ', 2)[-1]}"))
    width = max(len(a) for a, _ in rows)
    for a, b in rows:
        print(f"{a:<{width}}  {b}")
    print()
    for k, t in r["targets"].items():
        print(f"{'OK  ' if t['ok'] else 'MISS'} {k} = {t['value']:.2f} (target {t['target']})")


def _cold(c: dict) -> str:
    return (f"min {c['min_s']:.2f} s, median {c['median_s']:.2f} s (CPU {c['cpu_median_s']:.2f} s), "
            f"RSS {c['peak_rss_mb']} MB")


def _load(averages) -> str:
    return " ".join(f"{a:.2f}" for a in averages)


if __name__ == "__main__":
    sys.exit(main())
