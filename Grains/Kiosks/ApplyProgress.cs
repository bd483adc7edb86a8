using Lianxin.Common.Journal;

namespace Lianxin.Kiosks;

/// <summary>
/// The kiosk's side of the position protocol (<see cref="ReplayMarks"/> is the side of the actors its events derive):
/// how far this activation applied the kiosk's journal stream and with what counts, what it sent each center's
/// activity, and what each has confirmed durable. The checkpoint records a position, with the counts that go with it,
/// no further than every center holds durably, so a crash replays only what some actor may have lost, and every
/// actor recognises what it already holds.
/// </summary>
public sealed class ApplyProgress(long appliedPosition, long accepted, long rejected)
{
    /// <summary>Per center, the highest position sent to it by this activation (0: none): a center below it lost events.</summary>
    private readonly Dictionary<string, long> _sentThrough = [];

    /// <summary>Per center, the position sent to it that it has not yet confirmed durable.</summary>
    private readonly Dictionary<string, long> _unconfirmed = [];

    /// <summary>The counts at each applied page's end, oldest first, until a checkpoint records them.</summary>
    private readonly Queue<CountsAt> _counts = new();

    /// <summary>Every entry at or below it has been applied by this activation (or before it, durably).</summary>
    public long AppliedPosition { get; private set; } = appliedPosition;

    public long Accepted { get; private set; } = accepted;

    public long Rejected { get; private set; } = rejected;

    /// <summary>The centers sent events not confirmed durable yet, with the position sent through.</summary>
    public IReadOnlyList<(string CenterId, long Sent)> Unconfirmed => [.. _unconfirmed.Select(u => (u.Key, u.Value))];

    /// <summary>
    /// Events through <paramref name="through"/> go to a center's activity: answers the position sent to it before,
    /// which the activity compares with what it holds to find what it lost.
    /// </summary>
    public long Send(string centerId, long through)
    {
        var before = _sentThrough.GetValueOrDefault(centerId);
        _sentThrough[centerId] = _unconfirmed[centerId] = Math.Max(before, through);
        return before;
    }

    /// <summary>Counts one applied event's outcome.</summary>
    public void Count(EventStatus status)
    {
        if (status == EventStatus.Rejected)
        {
            Rejected++;
        }
        else
        {
            Accepted++;
        }
    }

    /// <summary>A page of the stream through <paramref name="position"/> is applied and counted.</summary>
    public void PageApplied(long position)
    {
        AppliedPosition = position;
        _counts.Enqueue(new CountsAt(position, Accepted, Rejected));
    }

    /// <summary>
    /// A center answered that it holds durably through <paramref name="durable"/> what was sent through
    /// <paramref name="sent"/>. Answers how far the checkpoint may go on its account (no limit once all is durable).
    /// </summary>
    public long Confirmed(string centerId, long sent, long durable)
    {
        if (durable < sent)
        {
            return durable;
        }

        // A later send during the confirmation stays unconfirmed.
        if (_unconfirmed.GetValueOrDefault(centerId) == sent)
        {
            _unconfirmed.Remove(centerId);
        }

        return long.MaxValue;
    }

    /// <summary>
    /// The counts to record at a checkpoint that may go no further than <paramref name="limit"/>: the newest page end
    /// at or below it, or null when none is beyond <paramref name="recorded"/> (the position recorded already).
    /// </summary>
    public CountsAt? Checkpoint(long limit, long recorded)
    {
        CountsAt? reached = null;
        while (_counts.TryPeek(out var next) && next.Position <= limit)
        {
            reached = _counts.Dequeue();
        }

        return reached is { } counts && counts.Position > recorded ? counts : null;
    }
}

/// <summary>The counts once a kiosk's stream was applied through a position.</summary>
public readonly record struct CountsAt(long Position, long Accepted, long Rejected);
