"""Score `briefgen extract` on every text the evaluation kit has gold for.

Runs one `briefgen extract` process per set (models load once per set), then
the kit's own scorer, and prints the scorer's lines under a heading per set.
Usage: python tools/evaluate.py [--eval-dir ../shared/eval] [--seeds-dir seeds] [-v]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

HELDOUT = Path(__file__).resolve().parents[1] / "tests" / "heldout"


def sets(eval_dir: Path, seeds_dir: Path) -> list[tuple[str, Path, list[Path]]]:
    """(name, gold dir, text dirs) for each evaluation set."""
    return [
        ("seed + news (gold)", eval_dir / "gold", [seeds_dir, eval_dir / "texts"]),
        ("nerel-dev (figures)", eval_dir / "nerel-dev" / "gold", [eval_dir / "nerel-dev" / "texts"]),
        ("held-out (tests/heldout)", HELDOUT / "gold", [HELDOUT / "texts"]),
        ("real-dev (real reports)", eval_dir / "real-dev" / "gold", [eval_dir / "real-dev" / "texts"]),
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval-dir", type=Path, default=Path("../shared/eval"))
    ap.add_argument("--seeds-dir", type=Path, default=Path("seeds"))
    ap.add_argument("-v", "--verbose", action="store_true", help="also print each document's scores")
    args = ap.parse_args()
    scorer = args.eval_dir / "score.py"
    if not scorer.exists():
        print(f"evaluate: no scorer at {scorer}", file=sys.stderr)
        return 2
    status = 0
    for name, gold_dir, text_dirs in sets(args.eval_dir, args.seeds_dir):
        texts = sorted(p for d in text_dirs for p in d.glob("*.txt"))
        if not texts:
            continue  # a set the kit does not have (yet)
        with tempfile.TemporaryDirectory() as out:
            got = subprocess.run([sys.executable, "-m", "briefgen", "extract", "-q", *map(str, texts), "-o", out])
            status |= got.returncode
            cmd = [sys.executable, str(scorer), "--gold-dir", str(gold_dir), "--pred-dir", out]
            cmd += [a for d in text_dirs for a in ("--text-dir", str(d))]
            print(f"## {name}: {len(texts)} texts", flush=True)
            status |= subprocess.run(cmd + (["-v"] if args.verbose else [])).returncode
    return status


if __name__ == "__main__":
    sys.exit(main())
