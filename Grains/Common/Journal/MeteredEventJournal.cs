using System.Diagnostics;
using System.Diagnostics.Metrics;
using Lianxin.Common.Telemetry;

namespace Lianxin.Common.Journal;

/// <summary>
/// Measures a journal as its callers see it (meter <c>Lianxin.Journal</c>): how long an append waits until it is
/// durable (its group's turn and the commit) and how many entries were stored or were there already.
/// </summary>
public sealed class MeteredEventJournal(IEventJournal inner) : IEventJournal, IAsyncDisposable
{
    private static readonly Meter Meter = new("Lianxin.Journal");

    private static readonly Histogram<double> CommitDuration = Meter.Duration("lianxin.journal.commit.duration",
        "Time from an append to its durable commit, waiting for the group included");

    private static readonly Counter<long> Entries = Meter.CreateCounter<long>("lianxin.journal.entries", "{entry}",
        "Journal entries appended, by outcome (stored, duplicate)");

    private static readonly Counter<long> Failures = Meter.CreateCounter<long>("lianxin.journal.append.failures", "{append}",
        "Appends whose commit failed (the callers were told and nothing was acknowledged)");

    public IEventJournal Inner => inner;

    public async Task<long[]> AppendAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        long[] positions;
        try
        {
            positions = await inner.AppendAsync(entries, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Failures.Add(1);
            throw;
        }

        CommitDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        var duplicates = positions.Count(p => p == 0);
        Entries.Add(positions.Length - duplicates, new KeyValuePair<string, object?>("outcome", "stored"));
        if (duplicates > 0)
        {
            Entries.Add(duplicates, new KeyValuePair<string, object?>("outcome", "duplicate"));
        }

        return positions;
    }

    public Task<IReadOnlyList<JournalRecord>> ReadAsync(string stream, long afterPosition, int max, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(stream, afterPosition, max, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        switch (inner)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }
}
