namespace Lianxin.Emergencies;

/// <summary>One person asked for one post, when, and until when they have to answer.</summary>
internal sealed class PostAsk(string volunteerId, long sequence, DateTimeOffset askedAt, DateTimeOffset deadline)
{
    public string VolunteerId { get; } = volunteerId;

    /// <summary>The acceptance order of the ask: only replies accepted after it answer it.</summary>
    public long Sequence { get; } = sequence;

    public DateTimeOffset AskedAt { get; } = askedAt;

    public DateTimeOffset Deadline { get; } = deadline;

    public bool Expired { get; set; }
}
