namespace Lianxin.Emergencies;

/// <summary>
/// Fills an emergency's posts from their reserve lists. Each post keeps at most <see cref="PostDefinition.AskAtOnce"/>
/// asks open at a time and never more open-or-accepted asks than its quota; a decline (or "need help") or a timeout
/// frees the place for the next person on the list. A post is filled when its quota stands at it. A person holds one
/// post at a time, and nobody who said "cannot come" or "need help" is asked. Posts filled in waves follow
/// <see cref="WaveRules"/> instead for how many to ask and whom.
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

    public void RecordAsk(string postId, string volunteerId, long sequence, DateTimeOffset askedAt, DateTimeOffset deadline, int wave = 0)
    {
        if (Find(postId) is not { } slot || !slot.Asked.Add(volunteerId))
        {
            return;
        }

        if (wave >= slot.Wave)
        {
            (slot.Wave, slot.WaveDeadline) = (wave, deadline);
        }

        var ask = new PostAsk(volunteerId, sequence, askedAt, deadline, wave);
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

    public void RecordStandDown(string postId, string volunteerId)
    {
        if (Find(postId)?.Asks.Find(a => a.VolunteerId == volunteerId) is { } ask)
        {
            ask.StoodDown = true;
        }
    }

    /// <summary>
    /// Where an ask stands. An answer after an ask's deadline does not count for a post filled one by one (the
    /// place went to the next person), but does for a post filled in waves (the waves only widen the call).
    /// </summary>
    public static AskState StateOf(PostAsk ask, RollCall rollCall, bool lateAnswersCount = false)
    {
        if (ask.StoodDown)
        {
            return AskState.StoodDown;
        }

        var answered = rollCall.Find(ask.VolunteerId) is { ReplyStatus: { } reply } person && person.ReplySequence > ask.Sequence
            ? StatusRules.AcceptsAsk(reply) ? AskState.Accepted : AskState.Declined
            : AskState.Pending;
        return ask.Expired && (answered == AskState.Pending || !lateAnswersCount) ? AskState.Expired : answered;
    }

    public static AskState StateOf(PostSlot slot, PostAsk ask, RollCall rollCall) => StateOf(ask, rollCall, slot.InWaves);

    /// <summary>The post a person holds (asked and not declined or expired), if any.</summary>
    public string? PostOf(string volunteerId, RollCall rollCall) =>
        _latestAsk.TryGetValue(volunteerId, out var latest) && StateOf(latest.Slot, latest.Ask, rollCall) is AskState.Pending or AskState.Accepted
            ? latest.Slot.Id
            : null;

    /// <summary>How many more people to ask for a post now.</summary>
    public static int Wanted(PostSlot slot, RollCall rollCall)
    {
        if (slot.InWaves)
        {
            return WaveRules.Shortfall(slot, rollCall).Total;
        }

        var (pending, accepted) = (0, 0);
        foreach (var ask in slot.Asks)
        {
            switch (StateOf(slot, ask, rollCall))
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
    /// not asked for it before, on the roll-call, not "cannot come" or "need help", holding no other post, not
    /// excluded, and passing <paramref name="fits"/> when given.
    /// </summary>
    public IReadOnlyList<string> NextCandidates(PostSlot slot, RollCall rollCall, IReadOnlySet<string> excluded, int count, Func<string, bool>? fits = null)
    {
        var found = new List<string>();
        foreach (var volunteerId in slot.Reserve ?? [])
        {
            if (found.Count >= count)
            {
                break;
            }

            if (slot.Asked.Contains(volunteerId) || excluded.Contains(volunteerId)
                || rollCall.Find(volunteerId) is not { } person || !StatusRules.MayBeAsked(person.Status)
                || (fits is not null && !fits(volunteerId)) || PostOf(volunteerId, rollCall) is not null)
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
            .Where(ask => ask.Deadline <= now && StateOf(slot, ask, rollCall) == AskState.Pending)
            .Select(ask => (slot, ask)));

    /// <summary>The earliest deadline of a pending ask, if any.</summary>
    public DateTimeOffset? NextDeadline(RollCall rollCall) =>
        _slots.SelectMany(s => s.Asks.Where(a => StateOf(s, a, rollCall) == AskState.Pending)).Select(a => (DateTimeOffset?)a.Deadline).Min();

    public static PostRollCall Summarize(PostSlot slot, RollCall rollCall)
    {
        int pending = 0, accepted = 0, declined = 0, expired = 0, atPost = 0, stoodDown = 0;
        foreach (var ask in slot.Asks)
        {
            switch (StateOf(slot, ask, rollCall))
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
                case AskState.StoodDown:
                    stoodDown++;
                    break;
                default:
                    expired++;
                    break;
            }
        }

        var reserveLeft = slot.Reserve?.Count(v => !slot.Asked.Contains(v)) ?? 0;
        var summary = new PostRollCall(slot.Id, slot.Definition.Name, slot.Definition.Quota, slot.Asks.Count, pending, accepted, declined, expired, atPost, reserveLeft);
        if (!slot.InWaves)
        {
            return summary;
        }

        var fill = WaveRules.Assign(slot, rollCall);
        return summary with
        {
            Filling = PostFilling.Waves,
            Wave = slot.Wave,
            WaveDeadline = slot.WaveDeadline,
            Confirmed = fill.Confirmed.Count,
            StoodDown = stoodDown,
            Skills = [.. slot.Definition.Mix.Select(n => new SkillFill(n.Skill, n.Count, fill.BySkill.GetValueOrDefault(n.Skill)))],
        };
    }
}
