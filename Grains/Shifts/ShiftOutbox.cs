namespace Lianxin.Shifts;

/// <summary>
/// The rules of a rota's outbox of texts, over its state: a text is queued once per occurrence, kind and person (a
/// place given back and taken again is not reminded twice), waits in the state until the sender is done with it, is
/// sent again when the sender has not reported within <see cref="ResendAfter"/>, and is dropped once its shift has
/// started (a reminder or an invitation after the start helps nobody).
/// </summary>
public sealed class ShiftOutbox(ShiftRotaState state)
{
    /// <summary>How long a text handed to the sender is left to it before it is handed over again.</summary>
    public static readonly TimeSpan ResendAfter = TimeSpan.FromMinutes(2);

    /// <summary>The id of the staff contact as a recipient.</summary>
    public const string Staff = "staff";

    public IReadOnlyCollection<ShiftText> Pending => state.Outbox.Values;

    /// <summary>Queues a text of <paramref name="kind"/> to each person (null: the staff contact) not texted it before. False when none was new.</summary>
    public bool Queue(ShiftOccurrence occurrence, ShiftTextKind kind, IEnumerable<string?> people)
    {
        var queued = false;
        foreach (var person in people)
        {
            var id = $"{occurrence.Id}/{kind}/{person ?? Staff}";
            if (!state.Texted.TryGetValue(occurrence.Id, out var texted))
            {
                state.Texted[occurrence.Id] = texted = [];
            }

            if (texted.Contains(id, StringComparer.Ordinal))
            {
                continue;
            }

            texted.Add(id);
            state.Outbox[id] = new ShiftText(id, kind, occurrence.Id, occurrence.Title, occurrence.StartsAt, occurrence.EndsAt, person,
                occurrence.Taken, occurrence.MinPeople);
            queued = true;
        }

        return queued;
    }

    /// <summary>The texts to hand to the sender now: those not handed over within <see cref="ResendAfter"/> (by <paramref name="handedAt"/>).</summary>
    public IReadOnlyList<ShiftText> Due(DateTimeOffset now, IReadOnlyDictionary<string, DateTimeOffset> handedAt) =>
        [.. state.Outbox.Values.Where(t => !handedAt.TryGetValue(t.Id, out var at) || now - at >= ResendAfter).OrderBy(t => t.StartsAt).ThenBy(t => t.Id, StringComparer.Ordinal)];

    /// <summary>Removes texts the sender is done with. False when none was still owed.</summary>
    public bool Done(IEnumerable<string> ids) => ids.Aggregate(false, (removed, id) => state.Outbox.Remove(id) | removed);

    /// <summary>Drops texts whose shift has started or no longer runs, and the record of texts of occurrences the rota no longer holds. False when nothing went.</summary>
    public bool Expire(DateTimeOffset now)
    {
        var stale = state.Outbox.Values.Where(t => t.StartsAt <= now || !state.Occurrences.ContainsKey(t.OccurrenceId)).Select(t => t.Id).ToList();
        var gone = state.Texted.Keys.Where(o => !state.Occurrences.ContainsKey(o)).ToList();
        gone.ForEach(o => state.Texted.Remove(o));
        return Done(stale) | gone.Count > 0;
    }
}
