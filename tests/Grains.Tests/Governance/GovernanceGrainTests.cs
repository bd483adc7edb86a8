using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.Governance;
using Xunit;

namespace Lianxin.Grains.Tests.Governance;

[Trait("Needs", "PostgreSQL")]
public sealed class GovernanceGrainTests(GovernanceClusterFixture fixture) : IClassFixture<GovernanceClusterFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RecordedRatingDecisionSurvivesAClusterRestart()
    {
        var key = GovernanceKeys.Rating("restart-center", 2026);
        var decision = new RatingDecision(4, "评定委员会复核：服务群众成效突出，但面积不达标。", "staff-ld", DateTimeOffset.UtcNow, 3, 68.5, "2026.1");

        var count = await fixture.Grains.GetGrain<IStarRatingGrain>(key).RecordDecisionAsync(decision).WaitAsync(Deadline);
        await fixture.RestartAsync();
        var decisions = await fixture.Grains.GetGrain<IStarRatingGrain>(key).GetDecisionsAsync().WaitAsync(Deadline);

        Assert.Equal(1, count);
        Assert.Equal([decision], decisions);
    }

    [Fact]
    public async Task DecisionWithoutAReasonIsRefused()
    {
        var grain = fixture.Grains.GetGrain<IStarRatingGrain>(GovernanceKeys.Rating("no-reason", 2026));

        await Assert.ThrowsAsync<ArgumentException>(() => grain.RecordDecisionAsync(new RatingDecision(5, " ", "staff", DateTimeOffset.UtcNow, 5, 95, "2026.1")).WaitAsync(Deadline));
        Assert.Empty(await grain.GetDecisionsAsync().WaitAsync(Deadline));
    }

    [Fact]
    public async Task DemonstrationCentersMustBeRatedFiveStarsByTheCommittee()
    {
        await CreateTreeAsync("demo-d", "demo-c1", "demo-c2");
        await DecideAsync("demo-c1", 2026, 5);
        await DecideAsync("demo-c2", 2026, 4);
        var selections = fixture.Grains.GetGrain<IDemonstrationGrain>(GovernanceKeys.Demonstration("demo-d", 2026));

        var refused = await selections.SelectAsync(Selection(2026, "demo-c1", "demo-c2")).WaitAsync(Deadline);
        var accepted = await selections.SelectAsync(Selection(2026, "demo-c1")).WaitAsync(Deadline);

        Assert.Equal(RegistryOutcome.Conflict, refused.Outcome);
        Assert.Contains("'demo-c2' has 4 stars for 2026", refused.Detail, StringComparison.Ordinal);
        Assert.Equal(RegistryOutcome.Created, accepted.Outcome);
        Assert.Equal(["demo-c1"], (await selections.GetAsync().WaitAsync(Deadline))!.CenterIds);
    }

    [Fact]
    public async Task DemonstrationCentersAreNotChosenOutsideASelectionYear()
    {
        await CreateTreeAsync("odd-d", "odd-c1");
        await DecideAsync("odd-c1", 2027, 5);

        var result = await fixture.Grains.GetGrain<IDemonstrationGrain>(GovernanceKeys.Demonstration("odd-d", 2027))
            .SelectAsync(Selection(2027, "odd-c1")).WaitAsync(Deadline);

        Assert.Equal(RegistryOutcome.Conflict, result.Outcome);
        Assert.Contains("not a selection year", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemonstrationCenterMustBelongToTheRegion()
    {
        await CreateTreeAsync("reg-a", "reg-a-c1");
        await CreateTreeAsync("reg-b", "reg-b-c1");
        await DecideAsync("reg-b-c1", 2026, 5);

        var result = await fixture.Grains.GetGrain<IDemonstrationGrain>(GovernanceKeys.Demonstration("reg-a", 2026))
            .SelectAsync(Selection(2026, "reg-b-c1")).WaitAsync(Deadline);

        Assert.Equal(RegistryOutcome.Conflict, result.Outcome);
        Assert.Contains("not in region 'reg-a'", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResidentialPointsOfAnUnknownCenterAreRefused()
    {
        var result = await fixture.Grains.GetGrain<IResidentialPointsGrain>("nowhere")
            .ReplaceAsync([new ResidentialPoint("r-1", null, new GeoPoint(27.7, 121.1), 10)]).WaitAsync(Deadline);

        Assert.Equal(RegistryOutcome.NotFound, result.Outcome);
        Assert.Empty(await fixture.Grains.GetGrain<IResidentialPointsGrain>("nowhere").GetAsync().WaitAsync(Deadline));
    }

    [Fact]
    public async Task ResidentialPointsAreReplacedAsAWhole()
    {
        await CreateTreeAsync("pts-d", "pts-c1");
        var registry = fixture.Grains.GetGrain<IResidentialPointsGrain>("pts-c1");

        var first = await registry.ReplaceAsync([new("r-1", "g-1", new GeoPoint(27.7, 121.1), 10), new("r-2", null, new GeoPoint(27.71, 121.1), 20)]).WaitAsync(Deadline);
        var second = await registry.ReplaceAsync([new("r-3", null, new GeoPoint(27.72, 121.1), 30)]).WaitAsync(Deadline);

        Assert.Equal((RegistryOutcome.Created, RegistryOutcome.Updated), (first.Outcome, second.Outcome));
        Assert.Equal(["r-3"], (await registry.GetAsync().WaitAsync(Deadline)).Select(p => p.Id));
    }

    private async Task CreateTreeAsync(string rootId, params string[] childIds)
    {
        await fixture.Grains.GetGrain<ICenterGrain>(rootId).CreateAsync(CenterProfiles.Of(CenterLevel.District) with { ParentId = null }).WaitAsync(Deadline);
        foreach (var child in childIds)
        {
            await fixture.Grains.GetGrain<ICenterGrain>(child).CreateAsync(CenterProfiles.Community(400, 1000) with { ParentId = rootId }).WaitAsync(Deadline);
        }
    }

    private Task DecideAsync(string centerId, int year, int stars) =>
        fixture.Grains.GetGrain<IStarRatingGrain>(GovernanceKeys.Rating(centerId, year))
            .RecordDecisionAsync(new RatingDecision(stars, "committee", "staff", DateTimeOffset.UtcNow, stars, 90, "2026.1")).WaitAsync(Deadline);

    private static DemonstrationSelection Selection(int year, params string[] centerIds) =>
        new(year, centerIds, "市级示范评选", "operator-ld", DateTimeOffset.UtcNow);
}
