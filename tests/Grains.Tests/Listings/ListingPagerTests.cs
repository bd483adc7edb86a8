using Lianxin.Listings;

namespace Lianxin.Grains.Tests.Listings;

public sealed class ListingPagerTests
{
    // d ─ s1 ─ c1 (grid g1: p1, p2)
    //   └ s2 ─ c2 (grid g2: p3)
    private static readonly ListingEntry[] Centers =
    [
        Line(ListingKind.Center, "d", center: "d", key: "区"),
        Line(ListingKind.Center, "s1", center: "s1", parent: "d", key: "街道一"),
        Line(ListingKind.Center, "s2", center: "s2", parent: "d", key: "街道二"),
        Line(ListingKind.Center, "c1", center: "c1", parent: "s1", key: "社区一"),
        Line(ListingKind.Center, "c2", center: "c2", parent: "s2", key: "社区二"),
    ];

    private static readonly ListingEntry[] Grids = [Line(ListingKind.Grid, "g1", center: "c1", grid: "g1"), Line(ListingKind.Grid, "g2", center: "c2", grid: "g2")];

    private static readonly ListingEntry[] People =
    [
        Line(ListingKind.Volunteer, "p1", grid: "g1", key: "b", tags: ["skill:swimming", "party:true"]),
        Line(ListingKind.Volunteer, "p2", grid: "g1", key: "a", tags: ["party:false"]),
        Line(ListingKind.Volunteer, "p3", grid: "g2", key: "a", tags: ["skill:swimming", "party:true"]),
    ];

    private static ListingEntry[] All => [.. Centers, .. Grids, .. People];

    [Fact]
    public void PagesFollowTheKeyThenTheIdAndNeverRepeatOrSkip()
    {
        var first = Page(Query(ListingKind.Volunteer, limit: 2));
        var second = Page(Query(ListingKind.Volunteer, limit: 2) with { After = Position(first.Entries[^1]) });

        Assert.Equal(["p2", "p3"], first.Entries.Select(e => e.Id));
        Assert.True(first.HasMore);
        Assert.Equal(["p1"], second.Entries.Select(e => e.Id));
        Assert.False(second.HasMore);
    }

    [Fact]
    public void DescendingAndByIdOrdersPageTheSameWay()
    {
        var descending = Page(Query(ListingKind.Volunteer, limit: 2) with { Descending = true });
        var byId = Page(Query(ListingKind.Volunteer, limit: 5) with { Sort = ListingSort.Id, Descending = true });
        var afterP1 = Page(Query(ListingKind.Volunteer, limit: 5) with { Sort = ListingSort.Id, After = new ListingPosition("ignored", "p1") });

        Assert.Equal(["p1", "p3"], descending.Entries.Select(e => e.Id));
        Assert.Equal(["p3", "p2", "p1"], byId.Entries.Select(e => e.Id));
        Assert.Equal(["p2", "p3"], afterP1.Entries.Select(e => e.Id));
    }

    [Fact]
    public void ASubtreeHoldsItsCentersAndThePeopleOfItsGrids()
    {
        var street = Page(Query(ListingKind.Volunteer) with { WithinCenterId = "s1" });
        var centers = Page(Query(ListingKind.Center) with { WithinCenterId = "s2" });
        var grid = Page(Query(ListingKind.Volunteer) with { GridId = "g2" });

        Assert.Equal(["p2", "p1"], street.Entries.Select(e => e.Id));
        Assert.Equal(["c2", "s2"], centers.Entries.Select(e => e.Id));
        Assert.Equal(["p3"], grid.Entries.Select(e => e.Id));
    }

    [Fact]
    public void EveryTagMustMatch()
    {
        var swimmersInParty = Page(Query(ListingKind.Volunteer) with { Tags = ["skill:swimming", "party:true"] });
        var none = Page(Query(ListingKind.Volunteer) with { Tags = ["skill:swimming", "party:false"] });

        Assert.Equal(["p3", "p1"], swimmersInParty.Entries.Select(e => e.Id));
        Assert.Empty(none.Entries);
    }

    [Fact]
    public void AncestorsOfAScopeAddTheLinesOwnedAboveIt()
    {
        ListingEntry[] emergencies = [Line(ListingKind.Emergency, "e-d", center: "d"), Line(ListingKind.Emergency, "e-s2", center: "s2"), Line(ListingKind.Emergency, "e-c1", center: "c1")];

        var page = ListingPager.Page([.. All, .. emergencies], Centers, Grids, Query(ListingKind.Emergency) with { WithinCenterId = "s1", AncestorsOf = "s1" });

        Assert.Equal(["e-c1", "e-d"], page.Entries.Select(e => e.Id));
    }

    private static ListingPage Page(ListingQuery query) => ListingPager.Page(All, Centers, Grids, query);

    private static ListingQuery Query(ListingKind kind, int limit = 50) => new(kind, null, null, null, [], ListingSort.Key, false, null, limit);

    private static ListingPosition Position(ListingEntry e) => new(e.SortKey, e.Id);

    private static ListingEntry Line(ListingKind kind, string id, string? center = null, string? parent = null, string? grid = null, string? key = null, string[]? tags = null) =>
        new(kind, id, center, parent, grid, key ?? id, tags ?? [], null, "{}");
}
