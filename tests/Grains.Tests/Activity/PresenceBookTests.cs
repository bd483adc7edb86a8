using Lianxin.Activity;
using Lianxin.Common;
using Lianxin.Kiosks;

namespace Lianxin.Grains.Tests.Activity;

public sealed class PresenceBookTests
{
    private static readonly DateTimeOffset Nine = new(2026, 5, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly TimeSpan MaxVisit = TimeSpan.FromHours(12);

    private readonly Dictionary<string, List<Visit>> _visits = [];
    private readonly Dictionary<string, List<UnpairedCheckOut>> _unpaired = [];
    private readonly List<PresenceChange> _changes = [];

    private PresenceBook Book(Func<DateTimeOffset, DateTimeOffset>? deadline = null) =>
        new(_visits, _unpaired, deadline ?? (t => t + MaxVisit));

    private static CheckIn Visitor(string person = "p1") => new(person, PersonRole.Visitor, BasicFunction.ConvenienceServices);

    [Fact]
    public void SecondOpenCheckInOfThePersonIsRejectedWithTheReason()
    {
        var book = Book();
        var first = Guid.NewGuid();

        var accepted = book.CheckIn(first, "k1", Visitor(), Nine, Nine, _changes);
        var rejected = book.CheckIn(Guid.NewGuid(), "k2", Visitor(), Nine.AddMinutes(5), Nine.AddMinutes(5), _changes);

        Assert.Null(accepted);
        Assert.Contains("already checked in", rejected);
        Assert.Contains(first.ToString(), rejected);
        Assert.Single(book.Inside);
    }

    [Fact]
    public void CheckOutArrivingBeforeItsCheckInPairsWithIt()
    {
        var book = Book();
        var checkOut = Guid.NewGuid();
        var now = Nine.AddHours(3);

        var early = book.CheckOut(checkOut, "k1", "p1", Nine.AddHours(1), now, _changes);
        Assert.Equal(1, book.UnpairedCount);
        var late = book.CheckIn(Guid.NewGuid(), "k1", Visitor(), Nine, now, _changes);

        Assert.Null(early);
        Assert.Null(late);
        var visit = Assert.Single(book.Closed);
        Assert.Equal(Nine.AddHours(1), visit.CheckedOutAt);
        Assert.Equal(CheckOutKind.Kiosk, visit.CheckOutKind);
        Assert.Equal(checkOut, visit.CheckOutEventId);
        Assert.Equal(0, book.UnpairedCount);
        Assert.Empty(book.Inside);
    }

    [Fact]
    public void VisitWithoutCheckOutClosesAutomaticallyAfterTheMaximumStay()
    {
        var book = Book();
        book.CheckIn(Guid.NewGuid(), "k1", Visitor(), Nine, Nine, _changes);

        book.CloseAllOverdue(Nine + MaxVisit + TimeSpan.FromMinutes(1), _changes);

        var visit = Assert.Single(book.Closed);
        Assert.Equal(CheckOutKind.Automatic, visit.CheckOutKind);
        Assert.Equal(Nine + MaxVisit, visit.CheckedOutAt);
    }

    [Fact]
    public void VisitClosesAutomaticallyAtClosingTimeWhenThatComesFirst()
    {
        var closing = Nine.Date.AddHours(20.5);
        var book = Book(t => new DateTimeOffset(closing, Nine.Offset));
        book.CheckIn(Guid.NewGuid(), "k1", Visitor(), Nine, Nine, _changes);

        book.CloseAllOverdue(Nine.AddHours(11.6), _changes);

        Assert.Equal(new DateTimeOffset(closing, Nine.Offset), Assert.Single(book.Closed).CheckedOutAt);
    }

    [Fact]
    public void LateRealCheckOutReplacesTheAutomaticOne()
    {
        var book = Book();
        book.CheckIn(Guid.NewGuid(), "k1", Visitor(), Nine, Nine, _changes);
        book.CloseAllOverdue(Nine.AddHours(13), _changes);

        var answer = book.CheckOut(Guid.NewGuid(), "k1", "p1", Nine.AddHours(2), Nine.AddHours(13), _changes);

        Assert.Null(answer);
        var visit = Assert.Single(book.Closed);
        Assert.Equal(Nine.AddHours(2), visit.CheckedOutAt);
        Assert.Equal(CheckOutKind.Kiosk, visit.CheckOutKind);
    }

    [Fact]
    public void LateCheckInBeforeALaterVisitEndsNoLaterThanThatVisitStarts()
    {
        var book = Book();
        var now = Nine.AddHours(4);
        book.CheckIn(Guid.NewGuid(), "k1", Visitor(), Nine.AddHours(2), now, _changes);

        var late = book.CheckIn(Guid.NewGuid(), "k1", Visitor(), Nine, now, _changes);

        Assert.Null(late);
        var earlier = Assert.Single(book.Closed);
        Assert.Equal(Nine, earlier.CheckedInAt);
        Assert.Equal(Nine.AddHours(2), earlier.CheckedOutAt);
        Assert.Equal(CheckOutKind.Automatic, earlier.CheckOutKind);
        Assert.Single(book.Inside);
    }

    [Fact]
    public void SecondCheckOutOfAClosedVisitIsRejected()
    {
        var book = Book();
        book.CheckIn(Guid.NewGuid(), "k1", Visitor(), Nine, Nine.AddHours(2), _changes);
        book.CheckOut(Guid.NewGuid(), "k1", "p1", Nine.AddHours(1), Nine.AddHours(2), _changes);

        var again = book.CheckOut(Guid.NewGuid(), "k1", "p1", Nine.AddMinutes(30), Nine.AddHours(2), _changes);

        Assert.Contains("already checked out", again);
    }

    [Fact]
    public void StaffCorrectionSetsTheCheckOutWithTheReason()
    {
        var book = Book();
        var visitId = Guid.NewGuid();
        book.CheckIn(visitId, "k1", Visitor(), Nine, Nine, _changes);
        book.CloseAllOverdue(Nine.AddHours(13), _changes);

        var problem = book.Correct(visitId, Nine.AddHours(3), "left at 12:00 (staff)", Nine.AddHours(13), _changes);
        var impossible = book.Correct(visitId, Nine.AddHours(-1), "before the check-in", Nine.AddHours(13), _changes);

        Assert.Null(problem);
        Assert.NotNull(impossible);
        var visit = Assert.Single(book.Closed);
        Assert.Equal((Nine.AddHours(3), CheckOutKind.Corrected, "left at 12:00 (staff)"), (visit.CheckedOutAt!.Value, visit.CheckOutKind!.Value, visit.Correction));
    }

    [Fact]
    public void PruningForgetsOnlyWhatEndedBeforeTheRetention()
    {
        var book = Book();
        book.CheckIn(Guid.NewGuid(), "k1", Visitor("old"), Nine, Nine, _changes);
        book.CheckOut(Guid.NewGuid(), "k1", "old", Nine.AddHours(1), Nine.AddHours(1), _changes);
        book.CheckIn(Guid.NewGuid(), "k1", Visitor("inside"), Nine, Nine, _changes);

        book.Prune(Nine.AddHours(2), 100);

        Assert.Empty(book.Closed);
        Assert.Equal("inside", Assert.Single(book.Inside).PersonId);
    }

    [Fact]
    public void PruningKeepsOnlyTheMostRecentClosedVisits()
    {
        var book = Book();
        for (var i = 0; i < 5; i++)
        {
            book.CheckIn(Guid.NewGuid(), "k1", Visitor($"p{i}"), Nine.AddMinutes(i), Nine.AddHours(1), _changes);
            book.CheckOut(Guid.NewGuid(), "k1", $"p{i}", Nine.AddMinutes(10 + i), Nine.AddHours(1), _changes);
        }

        book.Prune(Nine, 2);

        Assert.Equal(["p3", "p4"], book.Closed.Select(v => v.PersonId).Order());
    }

    /// <summary>
    /// The live figures read the kept count on every change: after any mix of late and out-of-order check-ins and
    /// check-outs, automatic closings, corrections and pruning it is what counting the open visits gives.
    /// </summary>
    [Fact]
    public void KeptCountOfPeopleInsideAlwaysMatchesTheOpenVisits()
    {
        var random = new Random(20261205);
        var book = Book(t => t + TimeSpan.FromHours(3));
        var now = Nine;
        for (var step = 0; step < 3_000; step++)
        {
            now = now.AddMinutes(random.Next(0, 3));
            var person = $"p{random.Next(40)}";
            var at = now.AddMinutes(-random.Next(0, 240));
            switch (random.Next(10))
            {
                case < 4:
                    book.CheckIn(Guid.NewGuid(), "k1", Visitor(person), at, now, _changes);
                    break;
                case < 8:
                    book.CheckOut(Guid.NewGuid(), "k1", person, at, now, _changes);
                    break;
                case 8 when book.Closed.Concat(book.Inside).ToList() is { Count: > 0 } all:
                    var visit = all[random.Next(all.Count)];
                    book.Correct(visit.Id, visit.CheckedInAt.AddMinutes(random.Next(0, 30)), "staff", now, _changes);
                    break;
                default:
                    book.CloseAllOverdue(now, _changes);
                    book.Prune(now.AddHours(-6), 100);
                    break;
            }

            Assert.Equal(book.Inside.Count(), book.InsideCount);
        }

        Assert.Equal(book.InsideCount, Book().InsideCount);
    }
}
