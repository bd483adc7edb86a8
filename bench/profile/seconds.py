#!/usr/bin/env python3
"""Second by second through an ingest run: the web host's request log beside its runtime counters.

    dotnet-counters collect -p <ingest web host> --refresh-interval 1 --counters System.Runtime -f csv -o COUNTERS.csv
    bench/profile/seconds.py COUNTERS.csv <run's log folder>/webhost-ingest.log [--table]

Prints, for the full-rate phase's measured 20 s and the half-load phase's measured 20 s, events per second, bytes
allocated and host CPU per event, the collector's pauses and collections, and how many batches took over 50 ms; with
--table, one line per second. Allocated bytes per event hardly depend on what else the cores run, so they compare
two builds where CPU per event scatters. The phases are found from the ingest scenario's shape: the half-load phase
is the last 40 s (20 warming up, 20 measured), and the full-rate measure ends just before it.
"""
import collections
import csv
import re
import sys

SLOW_MS = 50
BATCH = 50  # events per batch, the scenario's size


def counters(path):
    seconds = collections.defaultdict(dict)
    for row in csv.DictReader(open(path)):
        seconds[row["Timestamp"].split()[1]][row["Counter Name"]] = float(row["Mean/Increment"])
    return seconds


def batches(path):
    seconds = collections.defaultdict(lambda: [0, 0, 0.0])  # batches, slow ones, slowest (ms)
    for line in open(path):
        if "kiosks/{kioskId}/events" in line and (m := re.search(r" in ([0-9.]+) ms", line)):
            ms, second = float(m.group(1)), seconds[line[1:9]]
            second[0] += 1
            second[1] += ms > SLOW_MS
            second[2] = max(second[2], ms)
    return seconds


def value(row, name):
    return row.get(name, 0.0)


GEN = "dotnet.gc.collections ({collection} / 1 sec)[gc.heap.generation=%s]"
CPU = ["dotnet.process.cpu.time (s / 1 sec)[cpu.mode=user]", "dotnet.process.cpu.time (s / 1 sec)[cpu.mode=system]"]
ALLOCATED = "dotnet.gc.heap.total_allocated (By / 1 sec)"
PAUSED = "dotnet.gc.pause.time (s / 1 sec)"


def summary(name, window, runtime, log):
    events = sum(log[t][0] for t in window) * BATCH
    total = lambda counter: sum(value(runtime.get(t, {}), counter) for t in window)
    cpu = sum(total(c) for c in CPU)
    print(f"{name}: {len(window)} s, {events / len(window):,.0f} events/s, {total(ALLOCATED) / events:,.0f} B allocated per event, "
          f"host CPU {cpu / events * 1e6:.1f} µs per event, collector paused {total(PAUSED) / len(window) * 1000:.0f} ms/s, "
          f"collections gen0 {total(GEN % 'gen0'):.0f} gen1 {total(GEN % 'gen1'):.0f} gen2 {total(GEN % 'gen2'):.0f}, "
          f"batches over {SLOW_MS} ms {sum(log[t][1] for t in window)} of {sum(log[t][0] for t in window)}")


def main():
    runtime, log = counters(sys.argv[1]), batches(sys.argv[2])
    seconds = sorted(log)
    if "--table" in sys.argv:
        for t in seconds:
            row = runtime.get(t, {})
            n, slow, slowest = log[t]
            print(f"{t} batches {n:4d} slow {slow:4d} slowest {slowest:7.1f} ms | paused {value(row, PAUSED) * 1000:4.0f} ms "
                  f"gen0 {value(row, GEN % 'gen0'):.0f} gen1 {value(row, GEN % 'gen1'):.0f} gen2 {value(row, GEN % 'gen2'):.0f} "
                  f"| allocated {value(row, ALLOCATED) / 1e6:4.0f} MB | CPU {sum(value(row, c) for c in CPU):.2f} s")
    summary("Full rate, measured 20 s", seconds[-63:-43], runtime, log)
    summary("Half load, measured 20 s", seconds[-21:-1], runtime, log)


if __name__ == "__main__":
    main()
