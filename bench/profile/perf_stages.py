#!/usr/bin/env python3
"""Where each process's CPU went, from a whole-machine `perf record -a -g` (true on-CPU samples, idle included).

  bench/profile/perf_stages.py PERF.DATA                 the machine: share of samples per process, idle included
  bench/profile/perf_stages.py PERF.DATA PID [µs/event]  one .NET process by stage (the stages of stages.py)

Record with the host started under DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 so managed frames have
names (LIANXIN_BENCH_TRACE_PROFILE=perf does this for the scenarios that trace; or run perf by hand during a phase).
stages.py reads dotnet-trace's thread-time samples, which count a thread blocked in native code (epoll, a wait) as
running; perf counts only what ran, so a phase that leaves the machine partly idle is read here.
"""

import collections
import importlib.util
import pathlib
import re
import subprocess
import sys

_spec = importlib.util.spec_from_file_location("stages", pathlib.Path(__file__).with_name("stages.py"))
_stages = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_stages)

STAGES = [(name, re.compile(pattern)) for name, pattern in _stages.STAGES] + [
    ("Runtime and kernel (collector, thread pool, system calls)", re.compile(r"")),
]


def machine(data):
    out = subprocess.run(["perf", "script", "-i", data, "-F", "comm,pid"], capture_output=True, text=True, check=True).stdout
    by_process, names, total = collections.Counter(), {}, 0
    for line in out.splitlines():
        parts = line.split()
        if not parts:
            continue
        pid, comm = parts[-1], " ".join(parts[:-1])
        # A process's threads carry their own names; PostgreSQL's backends are processes of one name.
        key = "postgres (all backends)" if comm == "postgres" else ("idle" if pid == "0" else pid)
        names.setdefault(key, comm)
        by_process[key] += 1
        total += 1
    print(f"{'Process':<40} {'share of 2 cores':>16}")
    for key, count in by_process.most_common(12):
        print(f"{key + ' ' + names[key]:<40} {count / total:16.1%}")


def process(data, pid, per_event):
    out = subprocess.run(["perf", "script", "-i", data, "-F", "ip,sym", "--pid", pid], capture_output=True, text=True, check=True).stdout
    totals, samples = collections.Counter(), 0
    for block in out.split("\n\n"):
        frames = block.strip()
        if not frames:
            continue
        samples += 1
        totals[next(name for name, rx in STAGES if rx.search(frames))] += 1
    print(f"{'Stage':<58} {'share':>7} {'µs/event':>9}")
    for name, count in totals.most_common():
        share = count / samples
        print(f"{name:<58} {share:7.1%} {share * per_event:9.1f}" if per_event else f"{name:<58} {share:7.1%}")


if __name__ == "__main__":
    if len(sys.argv) == 2:
        machine(sys.argv[1])
    else:
        process(sys.argv[1], sys.argv[2], float(sys.argv[3]) if len(sys.argv) > 3 else 0.0)
