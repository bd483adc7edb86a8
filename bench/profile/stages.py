#!/usr/bin/env python3
"""Host CPU per event by stage, from a dotnet-trace sampled profile (speedscope format).

  bench/profile/stages.py TRACE.speedscope.json MICROSECONDS_PER_EVENT
  bench/profile/stages.py --sign-ups TRACE.speedscope.json MICROSECONDS_PER_ATTEMPT   (the flash crowd's stages)

Only samples that were running (leaf frame CPU_TIME, not waiting) count. Each is given to the first stage, in the
order below, that has a frame in its stack; the shares are multiplied by the host CPU per event the same run measured
(bench/run.sh prints it as "Web host and silo CPU per 1,000 events"). See BENCHMARKS.md, "The live path".
"""
import json
import re
import sys

STAGES = [
    ("Durable writes: live-path group commit", r"GroupCommitGrainStorage"),
    ("Durable writes: ADO.NET grain storage", r"Orleans\.Storage\.AdoNet|RelationalStorage|AdoNetGrainStorage"),
    ("Journal append (codec, Npgsql)", r"PostgresEventJournal|KioskEventCodec"),
    ("Other SQL (Npgsql: audit, reminders, reads)", r"Npgsql"),
    ("Live publish (feeds, deltas)", r"Lianxin\.Live\.|CenterActivityFeeds|LiveFeed|SignalR"),
    ("Telemetry (meters, traces, request log)", r"OpenTelemetry|System\.Diagnostics\.Metrics|Serilog|DiagnosticSource"),
    ("HTTP (Kestrel, authentication, routing)", r"Microsoft\.AspNetCore|Kestrel|System\.Net\.Http"),
    ("JSON of the kiosk protocol", r"System\.Text\.Json"),
    ("Apply (center activity, presence, marks)", r"Lianxin\.Activity\.|PresenceBook|ReplayMarks"),
    ("Grain-call serialization and copies", r"OrleansCodeGen|Orleans\.Serialization|DeepCopier"),
    ("Kiosk ingest actor and other actors' logic", r"Lianxin\."),
    ("Orleans messaging and scheduling", r"Orleans\."),
]

# A sign-up's stages (the flash-crowd scenarios). Each running sample goes to the stage of the frame nearest its leaf
# that any stage names (not the first stage in this order): an awaiting middleware runs the rest of the pipeline in its
# continuation, so the shared rate limit's frames sit under every later stage's work. Ties (one frame, two stages) go
# to the stage listed first.
SIGN_UP_STAGES = [
    ("Shared rate limit (lease actor, slices, ASP.NET partitions)", r"SharedRateLimit|RateLimitGrain|WindowPermits|PartitionedRateLimiter|RateLimiting"),
    ("Grain reference look-up (GetGrain: interface type by reflection)", r"GrainFactory\.GetGrain|GrainInterfaceTypeResolver|GetCustomAttribute"),
    ("Request log (Serilog, console)", r"Serilog|RequestLog|System\.Console"),
    ("Telemetry (traces, meters)", r"OpenTelemetry|System\.Diagnostics\.Metrics|DiagnosticSource|Telemetry|HostingApplicationDiagnostics"),
    ("Token validation (JWT)", r"JwtBearer|IdentityModel|JsonWebToken|System\.Security\.Cryptography"),
    ("Access check and person index", r"PersonSignUps|ActivityAccess|ScopeResolver|AccessPolicy|PersonIndex"),
    ("Journal append (codec, Npgsql)", r"PostgresEventJournal|Npgsql"),
    ("Live feed and listings", r"Lianxin\.Live\.|EventFeed|ActivityFeeds|Listings|SignalR"),
    ("Sign-up actor (queue, book, step JSON)", r"Lianxin\.Activities\.|GroupCommitQueue"),
    ("Grain-call serialization and copies", r"OrleansCodeGen|Orleans\.Serialization|DeepCopier"),
    ("Orleans activation (catalog, grain directory)", r"Orleans\.Runtime\.Catalog|ActivationData|GrainDirectory|ActivationDirectory"),
    ("Orleans messaging and scheduling", r"Orleans\."),
    ("HTTP (Kestrel, routing, endpoint, JSON)", r"Microsoft\.AspNetCore|Kestrel|System\.Net\.|System\.Text\.Json|Lianxin\.WebHost"),
]


def stacks(profile):
    """(stack of frame indexes, weight) pairs, from sampled or evented (open/close frame) profiles."""
    for thread in profile["profiles"]:
        if thread.get("type") == "sampled":
            samples = thread.get("samples", [])
            yield from zip(samples, thread.get("weights") or [1] * len(samples))
            continue
        stack, last = [], None
        for event in thread.get("events", []):
            if last is not None and stack and event["at"] > last:
                yield list(stack), event["at"] - last
            last = event["at"]
            if event["type"] == "O":
                stack.append(event["frame"])
            elif stack:
                stack.pop()


def main(path, per_event, stages=STAGES, nearest_leaf=False):
    profile = json.load(open(path))
    frames = [f["name"] for f in profile["shared"]["frames"]]
    compiled = [(name, re.compile(pattern)) for name, pattern in stages]
    totals = {name: 0.0 for name, _ in stages}
    totals["Runtime (GC, thread pool, other)"] = 0.0
    running = 0.0
    for stack, weight in stacks(profile):
        if not stack or frames[stack[-1]] != "CPU_TIME":
            continue
        # The finalizer thread waiting in GC.RunFinalizers is sampled as running, for 0.2 % to a third of a host's samples
        # while the host's CPU does not follow (BENCHMARKS.md (1u)): it is left out of the total it would scale.
        if any(frames[i].startswith("System.Private.CoreLib!System.GC.RunFinalizers") for i in stack):
            continue
        running += weight
        # The process and thread frames at the root name the host's dll: they say nothing of the stage.
        names = [frames[i] for i in stack if not frames[i].startswith(("Process", "Thread"))]
        if nearest_leaf:
            stage = next((name for n in reversed(names) for name, rx in compiled if rx.search(n)), "Runtime (GC, thread pool, other)")
        else:
            stage = next((name for name, rx in compiled if any(rx.search(n) for n in names)), "Runtime (GC, thread pool, other)")
        totals[stage] += weight
    print(f"{'Stage':<48} {'share':>7} {'µs/event':>9}")
    for name, weight in sorted(totals.items(), key=lambda kv: -kv[1]):
        share = weight / running if running else 0
        print(f"{name:<48} {share:7.1%} {share * per_event:9.1f}")


if __name__ == "__main__":
    if sys.argv[1] == "--sign-ups":
        main(sys.argv[2], float(sys.argv[3]), SIGN_UP_STAGES, nearest_leaf=True)
    else:
        main(sys.argv[1], float(sys.argv[2]))
