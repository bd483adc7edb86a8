namespace Lianxin.Emergencies;

/// <summary>The after-action numbers: how fast people were accounted for, and the roll-call over time.</summary>
internal static class AfterActionMetrics
{
    /// <summary>Seconds from launch until 50 %, 90 % and 100 % of the people had answered.</summary>
    public static AccountedTimes Times(IEnumerable<RollCallPerson> people, DateTimeOffset launchedAt) =>
        Times(people, p => p.FirstAccountedAt, launchedAt);

    /// <summary>
    /// The same, counting only answers the people gave themselves: an answer recorded on someone's behalf says the
    /// grid lead reached them, not that the person answered, so it never makes a drill look fast.
    /// </summary>
    public static AccountedTimes SelfAnsweredTimes(IEnumerable<RollCallPerson> people, DateTimeOffset launchedAt) =>
        Times(people, p => p.History.Where(c => !c.OnBehalf && StatusRules.IsReply(c.Status)).Select(c => (DateTimeOffset?)c.At).Min(), launchedAt);

    private static AccountedTimes Times(IEnumerable<RollCallPerson> people, Func<RollCallPerson, DateTimeOffset?> accountedAt, DateTimeOffset launchedAt)
    {
        var total = 0;
        var answered = new List<double>();
        foreach (var person in people)
        {
            total++;
            if (accountedAt(person) is { } at)
            {
                answered.Add(Math.Max(0, (at - launchedAt).TotalSeconds));
            }
        }

        answered.Sort();
        return new AccountedTimes(Reached(0.5), Reached(0.9), Reached(1.0));

        double? Reached(double share)
        {
            var needed = (int)Math.Ceiling(share * total);
            return total == 0 || needed > answered.Count ? null : Math.Round(answered[Math.Max(0, needed - 1)], 3);
        }
    }

    /// <summary>
    /// The counts per status at evenly spaced moments from launch to <paramref name="until"/> (at most
    /// <paramref name="maxPoints"/> + 1 of them), replaying every change in time order.
    /// </summary>
    public static IReadOnlyList<SeriesPoint> Series(RollCall rollCall, DateTimeOffset launchedAt, DateTimeOffset until, int maxPoints = 60)
    {
        var replay = new RollCall();
        var changes = new List<StatusChange>();
        foreach (var person in rollCall.People)
        {
            replay.Target(person.VolunteerId, person.GridId);
            changes.AddRange(person.History);
        }

        changes.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Sequence.CompareTo(b.Sequence));
        var span = until > launchedAt ? until - launchedAt : TimeSpan.Zero;
        var step = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerSecond, span.Ticks / Math.Max(1, maxPoints)));

        var points = new List<SeriesPoint>();
        var next = 0;
        for (var at = launchedAt; ; at += step)
        {
            var moment = at < until ? at : until;
            while (next < changes.Count && changes[next].At <= moment)
            {
                replay.Apply(changes[next++]);
            }

            points.Add(new SeriesPoint(moment, Math.Round((moment - launchedAt).TotalSeconds, 3), replay.Counts));
            if (moment >= until)
            {
                return points;
            }
        }
    }
}
