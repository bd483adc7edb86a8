namespace Lianxin.Common.Journal;

/// <summary>A stored entry with its position in the journal (increasing; gaps are normal).</summary>
public sealed record JournalRecord(long Position, JournalEntry Entry);
