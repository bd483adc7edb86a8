namespace Lianxin.Emergencies;

/// <summary>One person asked for one post, when, and until when they have to answer.</summary>
internal sealed class PostAsk(string volunteerId, long sequence, DateTimeOffset askedAt, DateTimeOffset deadline, int wave = 0)
{
    public string VolunteerId { get; } = volunteerId;

    /// <summary>The acceptance order of the ask: only replies accepted after it answer it.</summary>
    public long Sequence { get; } = sequence;

    public DateTimeOffset AskedAt { get; } = askedAt;

    public DateTimeOffset Deadline { get; } = deadline;

    /// <summary>The wave the ask went out with (posts filled in waves; 0 otherwise).</summary>
    public int Wave { get; } = wave;

    public bool Expired { get; set; }

    /// <summary>Confirmed after the post had enough people: thanked and released.</summary>
    public bool StoodDown { get; set; }
}
