"""Measure extraction time and peak memory on long and awkward texts (the README's Limits table).

Each text runs in a fresh process, so each peak RSS is that text's alone.
Usage: python tools/measure_limits.py
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_c0882ce87bb2ddc4.txt"

# name → Python expression for the text, given `seed` (the seed article) and `body` (its text on one line)
TEXTS = {
    "the seed": "seed",
    "prose on one 1 MB line": "(body * 100)[: 2**20 // 2]",
    "prose near the limit": "(seed * 300)[: 2**20 * 3 // 2]",
    "250 000 `«` on one line": "'«' * 250_000",
    "`1 ` × 250 000": "'1 ' * 250_000",
    "one 2-million-letter word": "'а' * 2_000_000",
}

PROBE = """
import json, resource, sys, time
from briefgen import nlp
from briefgen.extract import extract_brief
from briefgen.source import _TOKEN, source_from_text
seed = open(sys.argv[1], encoding="utf-8").read()
body = seed.split("\\n", 1)[1].replace("\\n", " ")
text = eval(sys.argv[2])
nlp.warm_up()
start = time.perf_counter()
extract_brief(source_from_text(text))
print(json.dumps({"kb": len(text.encode()) // 1024, "tokens": len(_TOKEN.findall(text)),
                  "s": time.perf_counter() - start, "mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}))
"""


def main() -> None:
    print("| text | size | words and marks | time | peak RSS |\n|---|---|---|---|---|")
    for name, expr in TEXTS.items():
        out = subprocess.run([sys.executable, "-c", PROBE, str(SEED), expr], capture_output=True, text=True, check=True)
        r = json.loads(out.stdout)
        print(f"| {name} | {r['kb']:,} KB | {r['tokens']:,} | {r['s']:.1f} s | {r['mb']} MB |".replace(",", "\u202f"))


if __name__ == "__main__":
    main()
