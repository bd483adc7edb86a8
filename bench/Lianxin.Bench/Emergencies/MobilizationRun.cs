using System.Collections.Concurrent;
using System.Diagnostics;
using Lianxin.Emergencies;
using Lianxin.Bench.Harness;
using Lianxin.Volunteers;

namespace Lianxin.Bench.Emergencies;

/// <summary>
/// The measured part: a launch to everyone in <paramref name="people"/> (of the district's people, the ones the scope
/// reaches), then everyone answering, with probes of read-after-answer.
/// </summary>
internal sealed class MobilizationRun(IGrainFactory grains, BenchDistrict district, IReadOnlyList<string> people, int answersInFlight, bool quiet, CpuMeter cpu)
{
    private const int Probes = 200;

    private readonly IEmergencyGrain _emergency = grains.GetGrain<IEmergencyGrain>($"em-bench-{Guid.NewGuid():N}");

    private readonly ConcurrentDictionary<string, string> _tokens = new();

    public async Task RunAsync(EmergencyScope scope)
    {
        await LaunchAsync(scope);
        await AnswerAsync();
        await StreamAsync(ratePerSecond: 5000);
        await _emergency.EndAsync(new CloseCommand("bench", null));

        // Let the end reach everyone before the host stops, so shutdown does not cut the fan-out short.
        var last = people[^1];
        while (!(await grains.GetGrain<IVolunteerGrain>(last).GetAlertsAsync()).Any(a => a.EmergencyId == _emergency.GetPrimaryKeyString() && a.Kind == AlertKind.End))
        {
            await Task.Delay(50);
        }
    }

    private void Report(string line)
    {
        if (!quiet)
        {
            Console.WriteLine(line);
        }
    }

    private async Task LaunchAsync(EmergencyScope scope)
    {
        var command = new LaunchCommand(
            "压测：台风防御", null, EmergencyMode.Exercise, EmergencyLevel.Red, AlertCategory.Met, "台风",
            scope, [], RollCallTimers.Default, MessageTemplates.Default, "bench", district.RootCenterId, null);

        var cpuBefore = cpu.Now();
        var clock = Stopwatch.StartNew();
        var result = await _emergency.LaunchAsync(command);
        var accepted = clock.Elapsed;
        if (result.Outcome != LaunchOutcome.Launched)
        {
            throw new InvalidOperationException($"{result.Outcome}: {result.Detail}");
        }

        RollCallSummary summary;
        do
        {
            await Task.Delay(10);
            summary = (await _emergency.GetRollCallAsync())!;
        }
        while (summary.Counts.Unknown > 0);

        var notified = clock.Elapsed;
        Report($"launch: accepted (durable) after {accepted.TotalMilliseconds:0} ms; "
            + $"{summary.Counts.Notified} people notified and their deliveries durable after {notified.TotalMilliseconds:0} ms; {CpuMeter.Describe(cpuBefore, cpu.Now())}");
    }

    private async Task AnswerAsync()
    {
        var tokens = _tokens;
        await Parallel.ForEachAsync(people, new ParallelOptions { MaxDegreeOfParallelism = 256 }, async (v, _) =>
        {
            var alerts = await grains.GetGrain<IVolunteerGrain>(v).GetAlertsAsync();
            tokens[v] = alerts.First(a => a.EmergencyId == _emergency.GetPrimaryKeyString()).Token!;
        });

        var probeEvery = Math.Max(1, people.Count / Probes);
        var probeLatencies = new ConcurrentBag<double>();
        var ackLatencies = new double[people.Count];
        var cpuBefore = cpu.Now();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(people.Select((v, i) => (v, i)), new ParallelOptions { MaxDegreeOfParallelism = answersInFlight }, async (p, _) =>
        {
            var sent = Stopwatch.GetTimestamp();
            var result = await _emergency.RespondAsync(new RollCallReply(tokens[p.v], null, RollCallStatus.Acknowledged, RollCallChannel.App, "", false, null, null, null));
            ackLatencies[p.i] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
            if (result.Outcome != ReplyOutcome.Recorded)
            {
                throw new InvalidOperationException($"{result.Outcome}: {result.Detail}");
            }

            if (p.i % probeEvery == 0)
            {
                // Read-after-answer: how long from sending until the roll-call shows this person's answer.
                while ((await _emergency.GetPersonAsync(p.v))?.Status != RollCallStatus.Acknowledged)
                {
                    await Task.Yield();
                }

                probeLatencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            }
        });
        var elapsed = clock.Elapsed;
        var cpuAfter = cpu.Now();

        var summary = (await _emergency.GetRollCallAsync())!;
        Array.Sort(ackLatencies);
        var probes = probeLatencies.Order().ToArray();
        Report($"answers: {summary.Counts.Acknowledged} durable in {elapsed.TotalSeconds:0.00} s "
            + $"({people.Count / elapsed.TotalSeconds:0} answers/s, {answersInFlight} in flight); "
            + $"ack latency p50 {P(ackLatencies, 0.5):0} ms, p99 {P(ackLatencies, 0.99):0} ms, max {ackLatencies[^1]:0} ms; {CpuMeter.Describe(cpuBefore, cpuAfter)}");
        Report($"read-after-answer ({probes.Length} probes): p50 {P(probes, 0.5):0} ms, p99 {P(probes, 0.99):0} ms, max {probes[^1]:0} ms");
    }

    /// <summary>
    /// A steady stream of status changes (everyone now "on the way") at a fixed arrival rate, as phones answer during
    /// a real mobilization, with probes of how long after sending the roll-call shows the change.
    /// </summary>
    private async Task StreamAsync(int ratePerSecond)
    {
        var probeEvery = Math.Max(1, people.Count / Probes);
        var visible = new ConcurrentBag<double>();
        var sends = new List<Task>(people.Count);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < people.Count; i++)
        {
            var wait = TimeSpan.FromSeconds((double)i / ratePerSecond) - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var (person, probe) = (people[i], i % probeEvery == 0);
            sends.Add(Task.Run(async () =>
            {
                var sent = Stopwatch.GetTimestamp();
                await _emergency.RespondAsync(new RollCallReply(_tokens[person], null, RollCallStatus.EnRoute, RollCallChannel.App, "", false, null, null, null));
                if (probe)
                {
                    while ((await _emergency.GetPersonAsync(person))?.Status != RollCallStatus.EnRoute)
                    {
                        await Task.Yield();
                    }

                    visible.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                }
            }));
        }

        await Task.WhenAll(sends);
        var probes = visible.Order().ToArray();
        Report($"stream at {ratePerSecond}/s: {people.Count} changes durable after {clock.Elapsed.TotalSeconds:0.00} s; "
            + $"sent → shown in the roll-call ({probes.Length} probes): p50 {P(probes, 0.5):0} ms, p99 {P(probes, 0.99):0} ms, max {probes[^1]:0} ms");
    }

    private static double P(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
}
