using Lianxin.Common;
using Lianxin.Emergencies;

namespace Lianxin.Grains.Tests.Emergencies;

public sealed class RollCallTests
{
    private static StatusChange Reply(long sequence, string person, RollCallStatus status, bool onBehalf = false, int second = 0) =>
        new(sequence, person, status, T(second), RollCallChannel.Web, onBehalf ? "lead" : person, onBehalf, onBehalf ? "phoned" : null, null);

    private static StatusChange Notified(long sequence, string person, int second = 0) =>
        new(sequence, person, RollCallStatus.Notified, T(second), RollCallChannel.App, "system", false, null, null);

    private static DateTimeOffset T(int second) => new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero).AddSeconds(second);

    private static RollCall Targeted(params (string Person, string Grid)[] people)
    {
        var rollCall = new RollCall();
        foreach (var (person, grid) in people)
        {
            rollCall.Target(person, grid);
        }

        return rollCall;
    }

    [Fact]
    public void TargetedPeopleStartUnknownAndCountPerGrid()
    {
        var rollCall = Targeted(("a", "g1"), ("b", "g1"), ("c", "g2"));

        Assert.Equal(3, rollCall.Counts.Unknown);
        Assert.Equal(2, rollCall.CountsOf("g1").Unknown);
        Assert.Equal(["g1", "g2"], rollCall.GridIds);
        Assert.False(rollCall.Target("a", "g2"));
    }

    [Fact]
    public void EveryChangeIsKeptAndTheLatestAcceptedIsTheStatus()
    {
        var rollCall = Targeted(("a", "g1"));

        rollCall.Apply(Notified(1, "a"));
        rollCall.Apply(Reply(2, "a", RollCallStatus.Acknowledged));
        rollCall.Apply(Reply(3, "a", RollCallStatus.EnRoute));
        rollCall.Apply(Reply(4, "a", RollCallStatus.AtPost));

        var person = rollCall.Find("a")!;
        Assert.Equal(RollCallStatus.AtPost, person.Status);
        Assert.Equal([RollCallStatus.Notified, RollCallStatus.Acknowledged, RollCallStatus.EnRoute, RollCallStatus.AtPost], person.History.Select(h => h.Status));
        Assert.Equal(1, rollCall.Counts.AtPost);
        Assert.Equal(1, rollCall.Counts.Accounted);
    }

    [Fact]
    public void ChangesAppliedOutOfOrderGiveTheSameRollCallAsInOrder()
    {
        StatusChange[] changes =
        [
            Notified(1, "a"), Reply(2, "a", RollCallStatus.Acknowledged), Reply(3, "b", RollCallStatus.Unavailable),
            Notified(4, "b"), Reply(5, "a", RollCallStatus.NeedHelp, onBehalf: true),
        ];
        var inOrder = Targeted(("a", "g1"), ("b", "g2"));
        var reversed = Targeted(("a", "g1"), ("b", "g2"));

        foreach (var change in changes)
        {
            inOrder.Apply(change);
        }

        foreach (var change in changes.Reverse())
        {
            reversed.Apply(change);
        }

        Assert.Equal(inOrder.Counts, reversed.Counts);
        Assert.Equal(RollCallStatus.NeedHelp, reversed.Find("a")!.Status);
        Assert.Equal(inOrder.Find("a")!.History, reversed.Find("a")!.History);
        Assert.Equal((2, 1), (reversed.SelfUpdates, reversed.OnBehalfUpdates));
    }

    [Fact]
    public void ALateNotificationNeverHidesAnAnswer()
    {
        var rollCall = Targeted(("a", "g1"));

        rollCall.Apply(Reply(1, "a", RollCallStatus.Acknowledged));
        rollCall.Apply(Notified(2, "a"));

        Assert.Equal(RollCallStatus.Acknowledged, rollCall.Find("a")!.Status);
        Assert.Equal(0, rollCall.Counts.Notified);
    }

    [Fact]
    public void AFrozenRollCallIgnoresLaterChanges()
    {
        var rollCall = Targeted(("a", "g1"));
        rollCall.Apply(Reply(1, "a", RollCallStatus.EnRoute));

        rollCall.Freeze(2);
        var applied = rollCall.Apply(Reply(3, "a", RollCallStatus.AtPost));

        Assert.False(applied);
        Assert.Equal(RollCallStatus.EnRoute, rollCall.Find("a")!.Status);
    }

    [Fact]
    public void AnswersFromSomeoneNotOnTheRollCallAreIgnored() =>
        Assert.False(Targeted(("a", "g1")).Apply(Reply(1, "stranger", RollCallStatus.AtPost)));

    [Fact]
    public void TheFirstAnswerMarksWhenAPersonWasAccountedFor()
    {
        var rollCall = Targeted(("a", "g1"));

        rollCall.Apply(Notified(1, "a", second: 1));
        rollCall.Apply(Reply(2, "a", RollCallStatus.Acknowledged, second: 30));
        rollCall.Apply(Reply(3, "a", RollCallStatus.AtPost, second: 300));

        Assert.Equal(T(30), rollCall.Find("a")!.FirstAccountedAt);
    }

    [Fact]
    public void ALocationTravelsWithTheChange()
    {
        var rollCall = Targeted(("a", "g1"));
        var change = Reply(1, "a", RollCallStatus.EnRoute) with { Location = new GeoPoint(27.7, 121.1) };

        rollCall.Apply(change);

        Assert.Equal(new GeoPoint(27.7, 121.1), rollCall.Find("a")!.History.Single().Location);
    }
}
