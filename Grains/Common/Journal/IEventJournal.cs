namespace Lianxin.Common.Journal;

// TEMPORARY local copy of the shared journal contract the lead is adding on main; deleted at the merge.

/// <summary>A durable, append-only journal of events in named streams.</summary>
public interface IEventJournal
{
    /// <summary>Stores the entries; true = newly stored, false = an entry with that id was there already.</summary>
    Task<bool[]> AppendAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> entries of a stream after a position, in position order.</summary>
    Task<IReadOnlyList<JournalRecord>> ReadAsync(string stream, long afterPosition, int max, CancellationToken cancellationToken);
}

/// <summary>One event to append.</summary>
public sealed record JournalEntry(Guid Id, string Stream, DateTimeOffset OccurredAt, string Type, string Payload);

/// <summary>A stored event and its position.</summary>
public sealed record JournalRecord(long Position, JournalEntry Entry);
