using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.TestSupport;

namespace Lianxin.Grains.Tests.Centers;

[Collection(ClusterCollection.Name)]
public sealed class CenterTreeTests(ClusterFixture fixture)
{
    private readonly Registry _registry = new(fixture.Grains);

    private ICenterGrain Center(string name) => fixture.Grains.GetGrain<ICenterGrain>(_registry.Id(name));

    [Fact]
    public async Task ChildAppearsUnderItsParentAndInTheDistrictTotals()
    {
        await _registry.CenterAsync("district", CenterLevel.District, null);
        await _registry.CenterAsync("street", CenterLevel.Street, "district");
        await _registry.CenterAsync("community", CenterLevel.Community, "street");

        var street = await Center("street").GetAsync();
        var district = await Eventually.HoldsAsync(() => Center("district").GetAsync(), d => d!.Subtree.Centers == 3);

        Assert.Equal([_registry.Id("community")], street!.ChildIds);
        Assert.Equal(1, district!.Subtree.CentersByLevel[CenterLevel.Community]);
        Assert.Equal(1, district.Subtree.CentersByLevel[CenterLevel.Street]);
    }

    [Fact]
    public async Task CreatingUnderAnUnknownParentIsNotFoundAndCreatesNothing()
    {
        var result = await Center("orphan").CreateAsync(Registry.Center("orphan", CenterLevel.Village, _registry.Id("nowhere")));

        Assert.Equal(RegistryOutcome.NotFound, result.Outcome);
        Assert.Null(await Center("orphan").GetAsync());
    }

    [Fact]
    public async Task CreatingTheSameCenterTwiceIsAConflict()
    {
        await _registry.CenterAsync("district", CenterLevel.District, null);

        var again = await Center("district").CreateAsync(Registry.Center("district", CenterLevel.District, null));

        Assert.Equal(RegistryOutcome.Conflict, again.Outcome);
    }

    [Fact]
    public async Task MovingACenterUnderItsOwnDescendantIsAConflictAndChangesNothing()
    {
        await _registry.CenterAsync("district", CenterLevel.District, null);
        await _registry.CenterAsync("town", CenterLevel.Town, "district");
        await _registry.CenterAsync("village", CenterLevel.Village, "town");

        var result = await Center("town").UpdateAsync(Registry.Center("town", CenterLevel.Town, _registry.Id("village")));
        var selfParent = await Center("town").UpdateAsync(Registry.Center("town", CenterLevel.Town, _registry.Id("town")));

        Assert.Equal(RegistryOutcome.Conflict, result.Outcome);
        Assert.Equal(RegistryOutcome.Conflict, selfParent.Outcome);
        Assert.Equal(_registry.Id("district"), (await Center("town").GetLinkAsync())!.ParentId);
    }

    [Fact]
    public async Task MovingACenterMovesItsSubtreeTotalsToTheNewParent()
    {
        await _registry.CenterAsync("district", CenterLevel.District, null);
        await _registry.CenterAsync("east", CenterLevel.Street, "district");
        await _registry.CenterAsync("west", CenterLevel.Street, "district");
        await _registry.CenterAsync("community", CenterLevel.Community, "east");

        await Center("community").UpdateAsync(Registry.Center("community", CenterLevel.Community, _registry.Id("west")));

        var east = await Eventually.HoldsAsync(() => Center("east").GetAsync(), c => c!.Subtree.Centers == 1);
        var west = await Eventually.HoldsAsync(() => Center("west").GetAsync(), c => c!.Subtree.Centers == 2);
        Assert.Empty(east!.ChildIds);
        Assert.Equal([_registry.Id("community")], west!.ChildIds);
        Assert.Equal(4, (await Eventually.HoldsAsync(() => Center("district").GetAsync(), d => d!.Subtree.Centers == 4))!.Subtree.Centers);
    }

    [Fact]
    public async Task PathToRootWalksFromACenterUpToTheDistrict()
    {
        await _registry.CenterAsync("district", CenterLevel.District, null);
        await _registry.CenterAsync("town", CenterLevel.Town, "district");
        await _registry.CenterAsync("village", CenterLevel.Village, "town");

        var path = await CenterAncestry.GetPathToRootAsync(fixture.Grains, _registry.Id("village"));

        Assert.Equal([_registry.Id("village"), _registry.Id("town"), _registry.Id("district")], path);
        Assert.Empty(await CenterAncestry.GetPathToRootAsync(fixture.Grains, _registry.Id("missing")));
    }
}
