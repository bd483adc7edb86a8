using System.Diagnostics;
using Lianxin.Common.Journal;

namespace Lianxin.Bench.Emergencies;

/// <summary>The journal alone: single-entry appends, many in flight, as a reentrant actor makes them.</summary>
internal static class JournalProbe
{
    public static async Task RunAsync(IEventJournal journal, int count, int inFlight)
    {
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = inFlight }, async (i, _) =>
            await journal.AppendAsync([new JournalEntry(Guid.NewGuid(), "probe", DateTimeOffset.UtcNow, "probe", $$"""{"sequence":{{i}},"volunteerId":"bench-v{{i:000000}}","status":"acknowledged"}""")]));
        Console.WriteLine($"journal alone: {count} single-entry appends, {inFlight} in flight: {count / clock.Elapsed.TotalSeconds:0}/s");
    }
}
