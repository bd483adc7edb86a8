namespace Lianxin.Emergencies;

/// <summary>What the ledger shows: the emergency, the roll-call, the people, CAP and the after-action report.</summary>
internal sealed partial class EmergencyLedger
{
    public EmergencyView View() =>
        new(Definition, Phase, Level, ClosedAt, RollCall.Count, RollCall.Counts.Accounted);

    public RollCallTotals Totals(DateTimeOffset now) =>
        new(Id, Definition.Launch.Mode, Level, Phase, RollCall.Counts, RollCall.SelfUpdates, RollCall.OnBehalfUpdates, now);

    public GridRollCall Grid(string gridId) => new(gridId, RollCall.CountsOf(gridId));

    public PostRollCall Post(PostSlot slot) => PostBoard.Summarize(slot, RollCall);

    public RollCallSummary Summary(DateTimeOffset now) =>
        new(Id, Definition.Launch.Mode, Level, Phase, RollCall.Counts, RollCall.SelfUpdates, RollCall.OnBehalfUpdates,
            [.. RollCall.GridIds.Select(Grid)], [.. Posts.Slots.Select(Post)], now);

    public PersonRollCall? Person(string volunteerId) =>
        RollCall.Find(volunteerId) is { } person ? person.ToView(Posts.PostOf(volunteerId, RollCall), withHistory: true) : null;

    public IReadOnlyList<PersonRollCall> People(PeopleFilter filter)
    {
        var postMembers = filter.PostId is { } postId && Posts.Find(postId) is { } slot
            ? slot.Asks.Select(a => a.VolunteerId).ToHashSet(StringComparer.Ordinal)
            : null;
        return [.. RollCall.People
            .Where(p => filter.Status is not { } status || p.Status == status)
            .Where(p => filter.GridId is not { } gridId || p.GridId == gridId)
            .Where(p => !filter.UnaccountedOnly || !StatusRules.IsAccounted(p.Status))
            .Where(p => filter.PostId is null || (postMembers?.Contains(p.VolunteerId) ?? false))
            .Take(filter.Max)
            .Select(p => p.ToView(Posts.PostOf(p.VolunteerId, RollCall), withHistory: false))];
    }

    /// <summary>The messages of the CAP chain: the alert, the updates (level changes, the end) and a cancel.</summary>
    public IReadOnlyList<CapMessage> CapMessages() =>
        [.. Messages.Where(m => IsBroadcast(m.Kind)).Select(m => new CapMessage(m.Kind, m.At, m.Level, m.Headline, m.Text, m.Instruction))];

    public AfterActionReport Report(DateTimeOffset now)
    {
        var launchedAt = Definition.LaunchedAt;
        var until = ClosedAt ?? now;
        var times = AfterActionMetrics.Times(RollCall.People, launchedAt);
        var grids = RollCall.People.GroupBy(p => p.GridId, StringComparer.Ordinal)
            .Select(g => new GridReport(g.Key, RollCall.CountsOf(g.Key), AfterActionMetrics.Times(g, launchedAt)))
            .OrderBy(g => g.GridId, StringComparer.Ordinal)
            .ToList();
        var timeline = Timeline.Concat(Milestones(times, launchedAt)).OrderBy(e => e.At).ToList();
        return new AfterActionReport(
            Id, Definition.Launch.Name, Definition.Launch.Mode, Level, Phase, launchedAt, ClosedAt, RollCall.Counts,
            RollCall.SelfUpdates, RollCall.OnBehalfUpdates, times, grids, [.. Posts.Slots.Select(Post)], timeline,
            AfterActionMetrics.Series(RollCall, launchedAt, until), AfterActionMetrics.SelfAnsweredTimes(RollCall.People, launchedAt));
    }

    private static IEnumerable<TimelineEvent> Milestones(AccountedTimes times, DateTimeOffset launchedAt)
    {
        foreach (var (share, seconds) in new[] { (50, times.SecondsTo50Percent), (90, times.SecondsTo90Percent), (100, times.SecondsTo100Percent) })
        {
            if (seconds is { } s)
            {
                yield return new TimelineEvent(launchedAt.AddSeconds(s), "milestone", $"{share}% 已应答（{s:0.#}秒）");
            }
        }
    }
}
