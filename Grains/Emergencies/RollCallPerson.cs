namespace Lianxin.Emergencies;

/// <summary>
/// One person of a roll-call. Their status is their latest reply (by acceptance order); before any reply it is
/// Notified once a message reached them, else Unknown. A late "notified" therefore never hides an answer.
/// </summary>
internal sealed class RollCallPerson(string volunteerId, string gridId)
{
    public string VolunteerId { get; } = volunteerId;

    public string GridId { get; } = gridId;

    public RollCallStatus? ReplyStatus { get; private set; }

    public long ReplySequence { get; private set; } = -1;

    public bool Notified { get; private set; }

    public DateTimeOffset? ChangedAt { get; private set; }

    public DateTimeOffset? FirstAccountedAt { get; private set; }

    public List<StatusChange> History { get; } = [];

    public string? Token { get; set; }

    public RollCallStatus Status => ReplyStatus ?? (Notified ? RollCallStatus.Notified : RollCallStatus.Unknown);

    /// <summary>Takes a change into the history, in acceptance order, and updates the current status.</summary>
    public void Take(StatusChange change)
    {
        var index = History.Count;
        while (index > 0 && History[index - 1].Sequence > change.Sequence)
        {
            index--;
        }

        History.Insert(index, change);
        if (!StatusRules.IsReply(change.Status))
        {
            Notified = true;
            ChangedAt ??= change.At;
            return;
        }

        if (change.Sequence > ReplySequence)
        {
            (ReplyStatus, ReplySequence, ChangedAt) = (change.Status, change.Sequence, change.At);
        }

        if (FirstAccountedAt is null || change.At < FirstAccountedAt)
        {
            FirstAccountedAt = change.At;
        }
    }

    public PersonRollCall ToView(string? postId, bool withHistory) =>
        new(VolunteerId, GridId, Status, ChangedAt, postId, withHistory ? [.. History] : []);
}
