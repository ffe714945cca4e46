"""Run one command and print its wall time, CPU time and peak RSS as JSON (the bench's stopwatch).

A separate process per measurement, so RUSAGE_CHILDREN covers exactly that
command and its workers. CPU time (user + system, every process of the
command) is reported beside wall time: on a shared machine it moves far less.
"""
from __future__ import annotations

import json
import resource
import subprocess
import sys
import time

t0 = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
elapsed = time.perf_counter() - t0
if done.returncode:
    sys.exit(f"measure: {' '.join(sys.argv[1:3])}… exited {done.returncode}: {done.stderr.strip()[-300:]}")
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": elapsed, "cpu_seconds": usage.ru_utime + usage.ru_stime, "peak_rss_mb": usage.ru_maxrss // 1024}))
