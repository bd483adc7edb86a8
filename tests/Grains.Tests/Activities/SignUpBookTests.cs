using Lianxin.Activities;
using Lianxin.Common;
using Lianxin.Volunteers;

namespace Lianxin.Grains.Tests.Activities;

public sealed class SignUpBookTests
{
    private static readonly DateTimeOffset Opens = new(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Starts = Opens.AddDays(3);
    private static readonly TimeSpan OfferTime = TimeSpan.FromHours(2);

    private static ActivityDefinition Activity(int places = 2, bool waitlist = true, int waitlistLimit = 2, BasicFunction function = BasicFunction.CultureSportsLeisure) =>
        new("act-1", "c-1", "书法课", function, Starts, Starts.AddHours(2), "201", places, ActivityAudience.Everyone, null,
            Opens, Starts, waitlist, waitlistLimit, OfferTime, "staff:s1", Opens);

    private static SignUpBook Book(ActivityDefinition? activity = null)
    {
        var book = new SignUpBook();
        book.Apply(new ActivityEvent(1, ActivityEvent.Published, Opens, Definition: activity ?? Activity()));
        return book;
    }

    private static SignUpAnswer SignUp(SignUpBook book, string person, string? key = null, DateTimeOffset? at = null) =>
        book.Apply(new ActivityEvent(0, ActivityEvent.Attempt, at ?? Opens.AddMinutes(1), person, key ?? $"{person}-k")).SignUp!;

    private static BookResult Step(SignUpBook book, string type, string person, DateTimeOffset at) => book.Apply(new ActivityEvent(0, type, at, person));

    [Fact]
    public void AttemptsAreAnsweredInOrderConfirmedThenWaitlistedWithPositionThenFull()
    {
        var book = Book();

        var answers = new[] { "a", "b", "c", "d", "e" }.Select(p => SignUp(book, p)).ToList();

        Assert.Equal([SignUpOutcome.Confirmed, SignUpOutcome.Confirmed, SignUpOutcome.Waitlisted, SignUpOutcome.Waitlisted, SignUpOutcome.Full], answers.Select(a => a.Outcome));
        Assert.Equal([1, 2], answers.Where(a => a.Outcome == SignUpOutcome.Waitlisted).Select(a => a.Position!.Value));
        Assert.Equal([1L, 2, 3, 4, 5], answers.Select(a => a.Arrival));
        Assert.Equal(0, book.PlacesLeft);
    }

    [Fact]
    public void WithoutAWaitlistTheRestAreFull()
    {
        var book = Book(Activity(places: 1, waitlist: false, waitlistLimit: 0));

        Assert.Equal(SignUpOutcome.Confirmed, SignUp(book, "a").Outcome);
        Assert.Equal(SignUpOutcome.Full, SignUp(book, "b").Outcome);
    }

    [Fact]
    public void SameKeyGetsTheFirstAnswerAndAnotherKeyOfTheSamePersonGetsTheirStanding()
    {
        var book = Book(Activity(places: 1));
        SignUp(book, "a");
        var first = SignUp(book, "b", "key-1");

        var again = book.Apply(new ActivityEvent(0, ActivityEvent.Attempt, Opens.AddMinutes(2), "b", "key-1"));
        var otherKey = SignUp(book, "b", "key-2");

        Assert.False(again.Changed);
        Assert.Equal(first with { Repeated = true }, again.SignUp);
        Assert.Equal(SignUpOutcome.Waitlisted, otherKey.Outcome);
        Assert.True(otherKey.Repeated);
        Assert.Single(book.Places(), p => p.PersonId == "b");
        Assert.Equal(2, book.Attempts);
    }

    [Fact]
    public void FreedPlaceIsOfferedToTheFirstOnTheWaitlistAndConfirmedInTime()
    {
        var book = Book();
        foreach (var p in new[] { "a", "b", "c", "d" })
        {
            SignUp(book, p);
        }

        var cancelled = Step(book, ActivityEvent.SignUpCancelled, "a", Opens.AddHours(1));
        var confirmed = Step(book, ActivityEvent.OfferConfirmed, "c", Opens.AddHours(2));

        Assert.Equal("c", Assert.Single(cancelled.OffersMade).PersonId);
        Assert.Equal(PlaceStatus.Confirmed, confirmed.Step!.Place!.Status);
        Assert.Equal(1, book.Place("d")!.Position);
        Assert.Equal(PlaceStatus.Cancelled, book.Place("a")!.Status);
    }

    [Fact]
    public void OfferNotConfirmedInTimeLapsesAndPassesToTheNext()
    {
        var book = Book();
        foreach (var p in new[] { "a", "b", "c", "d" })
        {
            SignUp(book, p);
        }

        Step(book, ActivityEvent.SignUpCancelled, "a", Opens.AddHours(1));
        var expiresAt = book.Place("c")!.OfferExpiresAt!.Value;

        var late = Step(book, ActivityEvent.OfferConfirmed, "c", expiresAt.AddSeconds(1));
        var tick = book.Apply(new ActivityEvent(0, ActivityEvent.Tick, expiresAt));

        Assert.Equal(ActivityStepOutcome.Conflict, late.Step!.Outcome);
        Assert.Equal(Opens.AddHours(1) + OfferTime, expiresAt);
        Assert.Equal(PlaceStatus.Lapsed, book.Place("c")!.Status);
        Assert.Equal("d", Assert.Single(tick.OffersMade).PersonId);
        Assert.Equal(expiresAt, book.NextDue() - OfferTime);
    }

    [Fact]
    public void NewcomersQueueBehindThoseWaitingWhileAPlaceIsOffered()
    {
        var book = Book(Activity(places: 1, waitlistLimit: 5));
        SignUp(book, "a");
        SignUp(book, "b");
        Step(book, ActivityEvent.SignUpCancelled, "a", Opens.AddHours(1));

        var newcomer = SignUp(book, "c", at: Opens.AddHours(1));

        Assert.Equal(SignUpOutcome.Waitlisted, newcomer.Outcome);
        Assert.Equal(PlaceStatus.Offered, book.Place("b")!.Status);
    }

    [Fact]
    public void CheckInRecordsAttendanceAndTheEndRecordsNoShows()
    {
        var book = Book();
        SignUp(book, "a");
        SignUp(book, "b");

        var early = Step(book, ActivityEvent.CheckedIn, "a", Starts.AddHours(-2));
        var checkedIn = Step(book, ActivityEvent.CheckedIn, "a", Starts.AddMinutes(-10));
        book.Apply(new ActivityEvent(0, ActivityEvent.Tick, Starts.AddHours(2)));

        Assert.Equal(ActivityStepOutcome.Conflict, early.Step!.Outcome);
        Assert.Equal(PlaceStatus.Attended, checkedIn.Step!.Place!.Status);
        Assert.Equal(PlaceStatus.NoShow, book.Place("b")!.Status);
        Assert.Equal(ActivityPhase.Ended, book.Phase);
        Assert.Equal((1, 1), (book.View()!.Attended, book.View()!.NoShows));
        Assert.Null(book.NextDue());
    }

    [Fact]
    public void SignUpOutsideTheWindowOrAfterCancellationIsClosedAndChangesNothing()
    {
        var book = Book();

        var before = SignUp(book, "a", at: Opens.AddMinutes(-1));
        var cancel = book.Apply(new ActivityEvent(0, ActivityEvent.Cancelled, Opens, Reason: "台风"));
        var after = book.Apply(new ActivityEvent(0, ActivityEvent.Attempt, Opens.AddMinutes(5), "b", "k"));

        Assert.Equal(SignUpOutcome.Closed, before.Outcome);
        Assert.True(cancel.Changed);
        Assert.False(after.Changed);
        Assert.Equal(SignUpOutcome.Closed, after.SignUp!.Outcome);
        Assert.Empty(book.Places());
    }

    [Fact]
    public void CancellingTheActivityNamesEveryoneSignedUp()
    {
        var book = Book(Activity(places: 1));
        SignUp(book, "a");
        SignUp(book, "b");
        Step(book, ActivityEvent.SignUpCancelled, "b", Opens.AddMinutes(5));
        SignUp(book, "c");

        var cancel = book.Apply(new ActivityEvent(0, ActivityEvent.Cancelled, Opens.AddHours(1), Reason: "台风停课"));

        Assert.Equal(["a", "c"], cancel.ToTell);
        Assert.Equal("台风停课", book.View()!.CancelReason);
    }

    [Fact]
    public void ReplayingTheStepsGivesTheSameBook()
    {
        var steps = new List<ActivityEvent> { new(1, ActivityEvent.Published, Opens, Definition: Activity(places: 3, waitlistLimit: 3)) };
        steps.AddRange(Enumerable.Range(0, 8).Select(i => new ActivityEvent(i + 2, ActivityEvent.Attempt, Opens.AddSeconds(i), $"p{i}", $"k{i}")));
        steps.Add(new ActivityEvent(10, ActivityEvent.SignUpCancelled, Opens.AddMinutes(1), "p1"));
        var live = new SignUpBook();
        var answers = steps.Select(s => live.Apply(s).SignUp).ToList();

        var replayed = new SignUpBook();
        foreach (var step in steps)
        {
            replayed.Apply(step);
        }

        Assert.Equal(live.Places(), replayed.Places());
        Assert.Equal(answers.Where(a => a is not null), steps.Where(s => s.Type == ActivityEvent.Attempt).Select(s => replayed.Apply(s with { At = Opens.AddHours(1) }).SignUp! with { Repeated = false }));
    }

    [Fact]
    public void PartyBuildingAdmitsPartyMembersOnlyWithTheReason()
    {
        var activity = Activity(function: BasicFunction.PartyBuilding);
        var member = new VolunteerProfile("张三", "13800000000", true, false, false, "g-1", default, [], null);

        Assert.True(AudienceRule.NeedsPerson(activity));
        Assert.Null(AudienceRule.Refusal(activity, "p1", member));
        Assert.Contains("党务工作不外包", AudienceRule.Refusal(activity, "p2", member with { IsPartyMember = false }));
        Assert.Contains("党务工作不外包", AudienceRule.Refusal(activity, "p3", null));
        Assert.Contains("grid 'g-2'", AudienceRule.Refusal(Activity() with { Audience = ActivityAudience.Grid, GridId = "g-2" }, "p1", member));
        Assert.False(AudienceRule.NeedsPerson(Activity()));
    }
}
