using Lianxin.Common.Journal;

namespace Lianxin.Grains.Tests.Recovery;

/// <summary>One silo's access to the journal every silo shares, cut when the silo is killed (<see cref="Severance"/>).</summary>
internal sealed class SeverableEventJournal(IEventJournal journal, Severance severance) : IEventJournal
{
    public Task<long[]> AppendAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken = default)
    {
        severance.ThrowIfCut();
        return journal.AppendAsync(entries, cancellationToken);
    }

    public Task<IReadOnlyList<JournalRecord>> ReadAsync(string stream, long afterPosition, int max, CancellationToken cancellationToken = default)
    {
        severance.ThrowIfCut();
        return journal.ReadAsync(stream, afterPosition, max, cancellationToken);
    }
}
