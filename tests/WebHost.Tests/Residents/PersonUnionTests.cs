using Lianxin.Ledger;
using Lianxin.WebHost.Apis.Residents;

namespace Lianxin.WebHost.Tests.Residents;

/// <summary>One person's lists and ledgers under several ids, shown as one.</summary>
public sealed class PersonUnionTests
{
    private static readonly DateTimeOffset T = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ListsMergeNewestFirstAndEachKeepsItsOwnOrder()
    {
        IReadOnlyList<(string Id, DateTimeOffset? At)> card = [("c3", T.AddHours(3)), ("c-untimed", null), ("c1", T.AddHours(1))];
        IReadOnlyList<(string Id, DateTimeOffset? At)> phone = [("p2", T.AddHours(2)), ("p0", T)];

        var merged = PersonUnion.NewestFirst([card, phone], i => i.At);

        Assert.Equal(["c3", "c-untimed", "p2", "c1", "p0"], merged.Select(i => i.Id));
    }

    [Fact]
    public void ASingleListComesBackAsItIsEvenWhenItsTimesAreNotInOrder()
    {
        IReadOnlyList<(string Id, DateTimeOffset? At)> only = [("a", null), ("b", T), ("c", T.AddHours(5))];

        var merged = PersonUnion.NewestFirst([only], i => i.At);

        Assert.Equal(["a", "b", "c"], merged.Select(i => i.Id));
    }

    [Fact]
    public void LedgersCombineIntoTheCanonicalIdsWithEveryEntryInTimeOrderAndTheBalancesAdded()
    {
        var card = new PersonLedger("pid-card", [Hours("c-2", T.AddHours(2))], [Points(T.AddHours(3), 10)], 10, ["c-2"], 500);
        var phone = new PersonLedger("pid-phone", [Hours("c-1", T)], [Points(T.AddHours(1), 4)], 4, ["c-1", "c-2"], 500);

        var one = PersonUnion.Ledger([card, phone]);

        Assert.Equal("pid-card", one.PersonId);
        Assert.Equal(["c-1", "c-2"], one.Hours.Select(h => h.CenterId));
        Assert.Equal([4, 10], one.Points.Select(p => p.Points));
        Assert.Equal(14, one.Balance);
        Assert.Equal(["c-1", "c-2"], one.Centers);
    }

    private static ServiceHours Hours(string centerId, DateTimeOffset from) => new(Guid.NewGuid(), centerId, from, from.AddHours(1), false);

    private static PointsEntry Points(DateTimeOffset at, int points) => new(Guid.NewGuid(), at, points, "hours", null, null);
}
