namespace Lianxin.Emergencies;

/// <summary>
/// Fills an emergency's posts from their reserve lists. Each post keeps at most <see cref="PostDefinition.AskAtOnce"/>
/// asks open at a time and never more open-or-accepted asks than its quota; a decline or a timeout frees the place
/// for the next person on the list. A post is filled when its quota stands at it. A person holds one post at a time,
/// and nobody who said "cannot come" is asked.
/// </summary>
internal sealed class PostBoard
{
    private readonly List<PostSlot> _slots;
    private readonly Dictionary<string, (PostSlot Slot, PostAsk Ask)> _latestAsk = new(StringComparer.Ordinal);

    public PostBoard(IEnumerable<PostDefinition> posts) => _slots = [.. posts.Select(p => new PostSlot(p))];

    public IReadOnlyList<PostSlot> Slots => _slots;

    public PostSlot? Find(string postId) => _slots.Find(s => s.Id == postId);

    /// <summary>The reserve of a post with an empty list in its definition: the targeted people with every skill it needs.</summary>
    public static IReadOnlyList<string> DeriveReserve(PostDefinition post, IEnumerable<(string VolunteerId, IReadOnlyList<string> Skills)> people) =>
        [.. people
            .Where(p => post.RequiredSkills.All(required => p.Skills.Contains(required, StringComparer.OrdinalIgnoreCase)))
            .Select(p => p.VolunteerId)];

    public void RecordAsk(string postId, string volunteerId, long sequence, DateTimeOffset askedAt, DateTimeOffset deadline)
    {
        if (Find(postId) is not { } slot || !slot.Asked.Add(volunteerId))
        {
            return;
        }

        var ask = new PostAsk(volunteerId, sequence, askedAt, deadline);
        slot.Asks.Add(ask);
        if (!_latestAsk.TryGetValue(volunteerId, out var latest) || latest.Ask.Sequence < sequence)
        {
            _latestAsk[volunteerId] = (slot, ask);
        }
    }

    public void RecordExpiry(string postId, string volunteerId)
    {
        if (Find(postId)?.Asks.Find(a => a.VolunteerId == volunteerId) is { } ask)
        {
            ask.Expired = true;
        }
    }

    public static AskState StateOf(PostAsk ask, RollCall rollCall)
    {
        if (ask.Expired)
        {
            return AskState.Expired;
        }

        return rollCall.Find(ask.VolunteerId) is { ReplyStatus: { } reply } person && person.ReplySequence > ask.Sequence
            ? StatusRules.AcceptsAsk(reply) ? AskState.Accepted : AskState.Declined
            : AskState.Pending;
    }

    /// <summary>The post a person holds (asked and not declined or expired), if any.</summary>
    public string? PostOf(string volunteerId, RollCall rollCall) =>
        _latestAsk.TryGetValue(volunteerId, out var latest) && StateOf(latest.Ask, rollCall) is AskState.Pending or AskState.Accepted
            ? latest.Slot.Id
            : null;

    /// <summary>How many more people to ask for a post now.</summary>
    public static int Wanted(PostSlot slot, RollCall rollCall)
    {
        var (pending, accepted) = (0, 0);
        foreach (var ask in slot.Asks)
        {
            switch (StateOf(ask, rollCall))
            {
                case AskState.Pending:
                    pending++;
                    break;
                case AskState.Accepted:
                    accepted++;
                    break;
            }
        }

        var quota = slot.Definition.Quota;
        return Math.Max(0, Math.Min(quota - accepted - pending, slot.Definition.AskAtOnce - pending));
    }

    /// <summary>
    /// The next people on a post's reserve list who may be asked, in order, at most <paramref name="count"/>:
    /// not asked for it before, on the roll-call, not "cannot come", holding no other post, not excluded.
    /// </summary>
    public IReadOnlyList<string> NextCandidates(PostSlot slot, RollCall rollCall, IReadOnlySet<string> excluded, int count)
    {
        var found = new List<string>();
        foreach (var volunteerId in slot.Reserve ?? [])
        {
            if (found.Count >= count)
            {
                break;
            }

            if (slot.Asked.Contains(volunteerId) || excluded.Contains(volunteerId)
                || rollCall.Find(volunteerId) is not { } person || person.Status == RollCallStatus.Unavailable
                || PostOf(volunteerId, rollCall) is not null)
            {
                continue;
            }

            found.Add(volunteerId);
        }

        return found;
    }

    /// <summary>Pending asks whose deadline has passed.</summary>
    public IEnumerable<(PostSlot Slot, PostAsk Ask)> Overdue(DateTimeOffset now, RollCall rollCall) =>
        _slots.SelectMany(slot => slot.Asks
            .Where(ask => ask.Deadline <= now && StateOf(ask, rollCall) == AskState.Pending)
            .Select(ask => (slot, ask)));

    /// <summary>The earliest deadline of a pending ask, if any.</summary>
    public DateTimeOffset? NextDeadline(RollCall rollCall) =>
        _slots.SelectMany(s => s.Asks).Where(a => StateOf(a, rollCall) == AskState.Pending).Select(a => (DateTimeOffset?)a.Deadline).Min();

    public static PostRollCall Summarize(PostSlot slot, RollCall rollCall)
    {
        int pending = 0, accepted = 0, declined = 0, expired = 0, atPost = 0;
        foreach (var ask in slot.Asks)
        {
            switch (StateOf(ask, rollCall))
            {
                case AskState.Pending:
                    pending++;
                    break;
                case AskState.Accepted:
                    accepted++;
                    atPost += rollCall.Find(ask.VolunteerId)?.Status == RollCallStatus.AtPost ? 1 : 0;
                    break;
                case AskState.Declined:
                    declined++;
                    break;
                default:
                    expired++;
                    break;
            }
        }

        var reserveLeft = slot.Reserve?.Count(v => !slot.Asked.Contains(v)) ?? 0;
        return new PostRollCall(slot.Id, slot.Definition.Name, slot.Definition.Quota, slot.Asks.Count, pending, accepted, declined, expired, atPost, reserveLeft);
    }
}
