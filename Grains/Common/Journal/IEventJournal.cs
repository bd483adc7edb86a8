namespace Lianxin.Common.Journal;

/// <summary>
/// The durable, append-only record of events the product acknowledges (kiosk events, roll-call answers).
/// An event is answered "accepted" only after <see cref="AppendAsync"/> has stored it, and actors rebuild
/// what they derive from it by reading their stream again.
/// </summary>
public interface IEventJournal
{
    /// <summary>
    /// Stores the entries whose ids their stream does not hold yet (an id is unique per stream: one stream's writer
    /// cannot take another stream's id). The answer has one number per entry, in order: the position this call stored
    /// it at, or 0 when it was there already (also for a repeat within the same call). Completes only when the stored
    /// entries are durable.
    /// </summary>
    Task<long[]> AppendAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="max"/> entries of one stream after <paramref name="afterPosition"/>, in position order.
    /// Positions follow commit order for a stream whose appends are made one after another (as an actor does).
    /// </summary>
    Task<IReadOnlyList<JournalRecord>> ReadAsync(string stream, long afterPosition, int max, CancellationToken cancellationToken = default);
}
