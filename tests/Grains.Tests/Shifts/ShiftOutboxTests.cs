using Lianxin.Shifts;

namespace Lianxin.Grains.Tests.Shifts;

/// <summary>The rules of a rota's outbox of texts: once per occurrence, kind and person; handed over again when unanswered; dropped at the start.</summary>
public sealed class ShiftOutboxTests
{
    private static readonly DateTimeOffset Start = new(2027, 6, 14, 10, 0, 0, TimeSpan.Zero);

    private static readonly ShiftOccurrence Watch = new("watch-20270614", "watch", "晚间值守", Start, Start.AddHours(4), 2, 3, []);

    private static (ShiftRotaState State, ShiftOutbox Outbox) Empty()
    {
        var state = new ShiftRotaState();
        state.Occurrences[Watch.Id] = Watch;
        return (state, new ShiftOutbox(state));
    }

    [Fact]
    public void ATextIsQueuedOncePerOccurrenceKindAndPersonEvenAfterItWasSent()
    {
        var (_, outbox) = Empty();

        var first = outbox.Queue(Watch, ShiftTextKind.Reminder, ["a", "b"]);
        outbox.Done(["watch-20270614/Reminder/a"]);
        var again = outbox.Queue(Watch, ShiftTextKind.Reminder, ["a"]);
        var invitation = outbox.Queue(Watch, ShiftTextKind.Invitation, ["a"]);
        var staff = outbox.Queue(Watch, ShiftTextKind.ShortOfPeople, [null]);

        Assert.Equal((true, false, true, true), (first, again, invitation, staff));
        Assert.Equal(
            ["watch-20270614/Invitation/a", "watch-20270614/Reminder/b", "watch-20270614/ShortOfPeople/staff"],
            outbox.Pending.Select(t => t.Id).Order(StringComparer.Ordinal));
        Assert.Null(outbox.Pending.Single(t => t.Kind == ShiftTextKind.ShortOfPeople).PersonId);
    }

    [Fact]
    public void ATextHandedOverIsHandedOverAgainOnlyAfterTheResendDelay()
    {
        var (_, outbox) = Empty();
        outbox.Queue(Watch, ShiftTextKind.Reminder, ["a"]);
        var handedAt = new Dictionary<string, DateTimeOffset> { ["watch-20270614/Reminder/a"] = Start.AddHours(-2) };

        var soon = outbox.Due(Start.AddHours(-2) + ShiftOutbox.ResendAfter - TimeSpan.FromSeconds(1), handedAt);
        var later = outbox.Due(Start.AddHours(-2) + ShiftOutbox.ResendAfter, handedAt);

        Assert.Empty(soon);
        Assert.Equal(["watch-20270614/Reminder/a"], later.Select(t => t.Id));
    }

    [Fact]
    public void TextsOfAStartedOrRemovedShiftAreDroppedAndTheRecordOfARemovedOneGoes()
    {
        var (state, outbox) = Empty();
        outbox.Queue(Watch, ShiftTextKind.Reminder, ["a"]);
        var other = Watch with { Id = "watch-20270615", StartsAt = Start.AddDays(1), EndsAt = Start.AddDays(1).AddHours(4) };
        state.Occurrences[other.Id] = other;
        outbox.Queue(other, ShiftTextKind.Reminder, ["a"]);

        var beforeStart = outbox.Expire(Start.AddMinutes(-1));
        var atStart = outbox.Expire(Start);
        state.Occurrences.Remove(other.Id);
        var removed = outbox.Expire(Start);

        Assert.Equal((false, true, true), (beforeStart, atStart, removed));
        Assert.Empty(outbox.Pending);
        Assert.Equal([Watch.Id], state.Texted.Keys);
    }
}
