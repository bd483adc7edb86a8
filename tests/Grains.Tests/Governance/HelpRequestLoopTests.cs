using Lianxin.Activity;
using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.Governance;
using Lianxin.HelpRequests;
using Lianxin.Live;
using Lianxin.TestSupport;
using Xunit;

namespace Lianxin.Grains.Tests.Governance;

/// <summary>The help-request actor running its closed loop on a cluster where assignment and escalations are due within a second.</summary>
[Trait("Needs", "PostgreSQL")]
public sealed class HelpRequestLoopTests(ShortLimitsClusterFixture fixture) : IClassFixture<ShortLimitsClusterFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly LoopAssignee Member = new("hr-v-member", "党员甲", IsPartyMember: true, IsThirdParty: false);
    private static readonly LoopAssignee NonMember = new("hr-v-plain", "群众乙", IsPartyMember: false, IsThirdParty: false);

    [Fact]
    public async Task UnassignedRequestEscalatesToItsStreetThenToItsDistrictOnItsOwnTimers()
    {
        await CreateTreeAsync("esc");
        var grain = await OpenAsync("esc-1", "esc-c", BasicFunction.CareAssistance);

        var loop = await Eventually.HoldsAsync(() => grain.GetLoopAsync(), l => l!.EscalationLevel == 2, Deadline, "escalated to the district");

        Assert.Equal(["esc-s", "esc-d"], loop!.EscalationChain);
        Assert.Equal(HelpRequestState.Escalated, loop.Stage);
        Assert.Equal("esc-d", loop.EscalatedTo);
        Assert.Equal([HelpRequestState.Open, HelpRequestState.Escalated, HelpRequestState.Escalated], loop.History.Select(h => h.Stage).Take(3));
        Assert.Equal(HelpRequestState.Escalated, (await grain.GetAsync())!.State);
        var streetFeed = await Eventually.HoldsAsync(
            () => fixture.Grains.GetGrain<ILiveFeedGrain>(LiveScope.Center("esc-d")).GetSnapshotAsync(),
            s => s.Items.TryGetValue(HelpRequestLive.Key("esc-1"), out var item) && ((HelpRequestLive)item).EscalationLevel == 2,
            Deadline,
            "the district's live feed shows the escalated request");
        Assert.Equal("esc-d", ((HelpRequestLive)streetFeed.Items[HelpRequestLive.Key("esc-1")]).EscalatedTo);
        var activity = await fixture.Grains.GetGrain<ICenterActivityGrain>("esc-c").GetAsync().WaitAsync(Deadline);
        Assert.Contains("esc-1", activity.OpenHelpRequests);
    }

    [Fact]
    public async Task EscalatedRequestIsStillAssignedStartedResolvedAndRatedAndCountsAsLate()
    {
        await CreateTreeAsync("late");
        var grain = await OpenAsync("late-1", "late-c", BasicFunction.ConvenienceServices);
        await Eventually.HoldsAsync(() => grain.GetLoopAsync(), l => l!.EscalationLevel >= 1, Deadline, "escalated");

        var assigned = await grain.AssignAsync(NonMember, "staff-late", "街道督办").WaitAsync(Deadline);
        var started = await grain.StartAsync(NonMember, NonMember.Id, null).WaitAsync(Deadline);
        var resolved = await grain.ResolveAsync(NonMember, "staff-late", "已办结").WaitAsync(Deadline);
        var rated = await grain.RateAsync(4, "resident", "满意").WaitAsync(Deadline);

        Assert.True(assigned.Accepted && started.Accepted && resolved.Accepted && rated.Accepted, rated.Refusal);
        Assert.Equal(HelpRequestState.Rated, rated.Ticket!.Stage);
        Assert.Null(rated.Ticket.DueAt);
        Assert.False(rated.Ticket.ResolvedOnTime);
        Assert.Contains("(recorded by staff-late)", rated.Ticket.History.Single(h => h.Stage == HelpRequestState.Resolved).Note, StringComparison.Ordinal);
        var book = await Eventually.HoldsAsync(
            () => fixture.Grains.GetGrain<ICenterHelpRequestsGrain>(GovernanceKeys.Rating("late-c", rated.Ticket.RaisedAt.ToOffset(TimeSpan.FromHours(8)).Year)).ListAsync(),
            b => b.Count == 1 && b[0].Stage == HelpRequestState.Rated, Deadline, "the center's book holds the rated request");
        var row = Assert.Single(ClosedLoopStatistics.Compute(book, DateTimeOffset.UtcNow));
        Assert.Equal((1, 0, 1, 0, 4.0), (row.Raised, row.Open, row.Resolved, row.ResolvedOnTime, row.AverageRating));
        var activity = await Eventually.HoldsAsync(
            () => fixture.Grains.GetGrain<ICenterActivityGrain>("late-c").GetAsync(), a => !a.OpenHelpRequests.Contains("late-1"), Deadline, "no longer open at the center");
        Assert.DoesNotContain("late-1", activity.OpenHelpRequests);
    }

    [Fact]
    public async Task PartyBuildingRequestIsNeverGivenToANonMemberAndNothingChanges()
    {
        await CreateTreeAsync("party");
        var grain = await OpenAsync("party-1", "party-c", BasicFunction.PartyBuilding);
        var before = await grain.GetLoopAsync().WaitAsync(Deadline);

        var refused = await grain.AssignAsync(NonMember, "staff-party", null).WaitAsync(Deadline);
        var thirdParty = await grain.AssignAsync(Member with { Id = "staff:party-c:物业", IsThirdParty = true }, "staff-party", null).WaitAsync(Deadline);

        Assert.Equal(HelpRequestRefusal.PartyAffairs, refused.Kind);
        Assert.Contains("not a party member", refused.Refusal, StringComparison.Ordinal);
        Assert.Equal(HelpRequestRefusal.PartyAffairs, thirdParty.Kind);
        var after = await grain.GetLoopAsync().WaitAsync(Deadline);
        Assert.Null(after!.Owner);
        Assert.DoesNotContain(after.History, h => h.Stage == HelpRequestState.Assigned);
        Assert.Equal(before!.History[0], after.History[0]);
    }

    [Fact]
    public async Task OwnerWhoIsNoLongerAPartyMemberMayNotCarryOnWithPartyBuildingWork()
    {
        await CreateTreeAsync("left");
        var grain = await OpenAsync("left-1", "left-c", BasicFunction.PartyBuilding);
        Assert.True((await grain.AssignAsync(Member, "staff-left", null).WaitAsync(Deadline)).Accepted);

        var refused = await grain.StartAsync(Member with { IsPartyMember = false }, "staff-left", null).WaitAsync(Deadline);
        var started = await grain.StartAsync(Member, Member.Id, null).WaitAsync(Deadline);

        Assert.Equal(HelpRequestRefusal.PartyAffairs, refused.Kind);
        Assert.Equal(HelpRequestState.Assigned, refused.Ticket!.Stage);
        Assert.True(started.Accepted);
        Assert.Equal(HelpRequestState.InProgress, started.Ticket!.Stage);
    }

    [Fact]
    public async Task RequestOpenedTwiceIsOneRequest()
    {
        await CreateTreeAsync("twice");
        var grain = await OpenAsync("twice-1", "twice-c", BasicFunction.CareAssistance);
        var raisedAt = (await grain.GetLoopAsync().WaitAsync(Deadline))!.RaisedAt;

        await grain.OpenAsync(Ticket("twice-1", "twice-c", BasicFunction.PartyBuilding) with { OpenedAt = raisedAt.AddHours(1) }).WaitAsync(Deadline);

        var loop = await grain.GetLoopAsync().WaitAsync(Deadline);
        Assert.Equal((BasicFunction.CareAssistance, raisedAt), (loop!.Function, loop.RaisedAt));
    }

    private async Task<IHelpRequestGrain> OpenAsync(string id, string centerId, BasicFunction function)
    {
        var grain = fixture.Grains.GetGrain<IHelpRequestGrain>(id);
        await grain.OpenAsync(Ticket(id, centerId, function)).WaitAsync(Deadline);
        return grain;
    }

    private static HelpRequestTicket Ticket(string id, string centerId, BasicFunction function) =>
        new(id, centerId, function, "独居老人家中水管破裂", null, "kiosk-1", Guid.NewGuid(), DateTimeOffset.UtcNow, HelpRequestState.Open, null);

    /// <summary>A district, a street below it and a community below the street: "{prefix}-d", "{prefix}-s", "{prefix}-c".</summary>
    private async Task CreateTreeAsync(string prefix)
    {
        var centers = fixture.Grains;
        await centers.GetGrain<ICenterGrain>($"{prefix}-d").CreateAsync(CenterProfiles.Of(CenterLevel.District) with { ParentId = null }).WaitAsync(Deadline);
        await centers.GetGrain<ICenterGrain>($"{prefix}-s").CreateAsync(CenterProfiles.Of(CenterLevel.Street) with { ParentId = $"{prefix}-d" }).WaitAsync(Deadline);
        await centers.GetGrain<ICenterGrain>($"{prefix}-c").CreateAsync(CenterProfiles.Community(400, 1000) with { ParentId = $"{prefix}-s" }).WaitAsync(Deadline);
    }
}
