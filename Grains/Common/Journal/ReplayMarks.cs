using Lianxin.Kiosks;

namespace Lianxin.Common.Journal;

/// <summary>
/// The position protocol between a journal stream's reader (a kiosk's ingest) and an actor whose state derives from
/// that stream (a center's activity). Held in the actor's state, over the state's own collections:
/// <list type="bullet">
/// <item>per stream, the position the actor has applied through: an entry at or below it is a replay, not applied
/// again;</item>
/// <item>the outcome of every refused entry the reader may not have recorded durably yet, so a replay answers what
/// the first application answered (a refused event is never counted as accepted the second time);</item>
/// <item>the reader says how far it has sent entries before (<c>sentThrough</c>): when the actor's mark is below it,
/// the actor lost applied entries with a dead silo and must read them again from the journal before anything newer
/// (<see cref="MustRecover"/>).</item>
/// </list>
/// The reader, for its part, records its own applied position no further than what the actor reports durable.
/// </summary>
public sealed class ReplayMarks(Dictionary<string, long> applied, Dictionary<Guid, string> refusals, List<Guid> refusalOrder)
{
    /// <summary>
    /// Refusals remembered, oldest forgotten first: far more than one checkpoint interval of refusals, after which the
    /// reader holds them itself.
    /// </summary>
    public const int RefusalMemory = 1000;

    /// <summary>The position applied through for a stream (0: nothing applied).</summary>
    public long AppliedThrough(string stream) => applied.GetValueOrDefault(stream);

    /// <summary>True when the reader had sent entries through <paramref name="sentThrough"/> that this state does not hold.</summary>
    public bool MustRecover(string stream, long sentThrough) => AppliedThrough(stream) < sentThrough;

    /// <summary>The answer to give for an entry applied before, or null when the entry is new and must be applied.</summary>
    public EventOutcome? Replayed(string stream, long position, Guid eventId) =>
        position > AppliedThrough(stream) ? null
        : refusals.TryGetValue(eventId, out var reason) ? EventOutcome.Rejected(eventId, reason)
        : EventOutcome.Accepted(eventId);

    /// <summary>Records an entry's application: the mark moves to its position, and a refusal is remembered.</summary>
    public void Applied(string stream, long position, EventOutcome outcome)
    {
        if (position > AppliedThrough(stream))
        {
            applied[stream] = position;
        }

        if (outcome.Status == EventStatus.Rejected && refusals.TryAdd(outcome.EventId, outcome.Reason ?? ""))
        {
            refusalOrder.Add(outcome.EventId);
            if (refusalOrder.Count > RefusalMemory)
            {
                refusals.Remove(refusalOrder[0]);
                refusalOrder.RemoveAt(0);
            }
        }
    }

    /// <summary>Moves the mark to <paramref name="position"/> (entries up to it were read again and applied).</summary>
    public void AppliedThroughAtLeast(string stream, long position)
    {
        if (position > AppliedThrough(stream))
        {
            applied[stream] = position;
        }
    }
}
