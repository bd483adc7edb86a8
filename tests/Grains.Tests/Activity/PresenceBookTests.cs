using Lianxin.Activity;
using Lianxin.Common;
using Lianxin.Kiosks;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Lianxin.Grains.Tests.Activity;

public sealed class PresenceBookTests
{
    private static readonly DateTimeOffset Nine = new(2026, 5, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly TimeSpan MaxVisit = TimeSpan.FromHours(12);

    private readonly VisitTable _visits = new();
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

    [Fact]
    public void VisitsStoredPerPersonByAnEarlierVersionKeepTheirOrderAndPairing()
    {
        var first = new Visit(Guid.NewGuid(), "p1", PersonRole.Visitor, BasicFunction.ConvenienceServices, "k1", Nine, Nine.AddHours(1), CheckOutKind.Kiosk);
        var second = new Visit(Guid.NewGuid(), "p1", PersonRole.Visitor, BasicFunction.ConvenienceServices, "k1", Nine.AddHours(3));
        var other = new Visit(Guid.NewGuid(), "p2", PersonRole.Volunteer, BasicFunction.PartyBuilding, "k2", Nine.AddHours(2));
        var table = VisitTable.From(new() { ["p1"] = [first, second], ["p2"] = [other] });
        var book = new PresenceBook(table, _unpaired, t => t + MaxVisit);

        var again = book.CheckIn(Guid.NewGuid(), "k1", Visitor(), Nine.AddHours(4), Nine.AddHours(4), _changes);
        var checkOut = Guid.NewGuid();
        var closed = book.CheckOut(checkOut, "k1", "p1", Nine.AddHours(5), Nine.AddHours(5), _changes);

        Assert.Contains(second.Id.ToString(), again);
        Assert.Null(closed);
        Assert.Equal([first, second with { CheckedOutAt = Nine.AddHours(5), CheckOutKind = CheckOutKind.Kiosk, CheckOutEventId = checkOut }],
            book.Closed.Where(v => v.PersonId == "p1").OrderBy(v => v.CheckedInAt));
        Assert.Equal(["p2"], book.VolunteersInside);
        Assert.Equal(Nine.AddHours(2), book.InsideSince("p2"));
    }

    /// <summary>
    /// The rows' links are all that orders a person's visits: after any mix of events, pruning (which moves rows in
    /// place and keeps the index of each person's first) and a copy through the actors' serializer (which stores the
    /// rows but not that index), every person's visits are in check-in order, never overlap, and the book and its copy
    /// answer alike.
    /// </summary>
    [Fact]
    public void EachPersonsVisitsStayOrderedThroughPruningAndStorage()
    {
        var random = new Random(20261207);
        var book = Book(t => t + TimeSpan.FromHours(3));
        var now = Nine;
        for (var step = 0; step < 2_000; step++)
        {
            now = now.AddMinutes(random.Next(0, 4));
            var person = $"p{random.Next(30)}";
            var at = now.AddMinutes(-random.Next(0, 240));
            _ = random.Next(10) switch
            {
                < 5 => book.CheckIn(Guid.NewGuid(), $"k{random.Next(3)}", Visitor(person), at, now, _changes),
                < 9 => book.CheckOut(Guid.NewGuid(), $"k{random.Next(3)}", person, at, now, _changes),
                _ => Pruned(book, now.AddHours(-5)),
            };
        }

        var stored = new ServiceCollection().AddSerializer(s => s.AddAssembly(typeof(VisitTable).Assembly)).BuildServiceProvider().GetRequiredService<Serializer<VisitTable>>();
        var copy = new PresenceBook(stored.Deserialize(stored.SerializeToArray(_visits))!, [], t => t + TimeSpan.FromHours(3));
        foreach (var visits in book.Closed.Concat(book.Inside).GroupBy(v => v.PersonId))
        {
            var ordered = visits.OrderBy(v => v.CheckedInAt).ToList();
            Assert.All(ordered.Zip(ordered.Skip(1)), pair => Assert.True(pair.First.CheckedOutAt <= pair.Second.CheckedInAt));
            Assert.Equal(ordered.LastOrDefault(v => v.IsOpen)?.CheckedInAt, book.InsideSince(visits.Key));
            Assert.Equal(ordered.LastOrDefault(v => v.IsOpen)?.CheckedInAt, copy.InsideSince(visits.Key));
        }

        Assert.Equal(book.Closed.Concat(book.Inside).OrderBy(v => v.Id), copy.Closed.Concat(copy.Inside).OrderBy(v => v.Id));
        var inside = copy.Inside.First();
        Assert.Contains("already checked in", copy.CheckIn(Guid.NewGuid(), "k1", Visitor(inside.PersonId), inside.CheckedInAt, now, _changes));
    }

    private static string? Pruned(PresenceBook book, DateTimeOffset before)
    {
        book.Prune(before, 200);
        return null;
    }
}
