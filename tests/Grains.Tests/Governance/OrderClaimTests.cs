using Lianxin.Common;
using Lianxin.Governance;
using Lianxin.HelpRequests;
using Lianxin.Ledger;
using Xunit;

namespace Lianxin.Grains.Tests.Governance;

/// <summary>An order's actor on PostgreSQL: a crowd of claims, the queue, and hours in the claimers' ledgers.</summary>
[Trait("Needs", "PostgreSQL")]
public sealed class OrderClaimTests(GovernanceClusterFixture fixture) : IClassFixture<GovernanceClusterFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task FiftySimultaneousClaimsGiveAGroupOrderExactlyItsPeopleAndTellTheRestItIsFullAfterARestartToo()
    {
        var grain = await OrderAsync("crowd-1", "crowd-c", peopleNeeded: 3);
        var people = Enumerable.Range(0, 50).Select(i => new LoopAssignee($"crowd-v-{i:00}", $"志愿者{i}", IsPartyMember: i % 2 == 0, IsThirdParty: false)).ToList();

        var answers = await Task.WhenAll(people.Select(p => grain.ClaimAsync(p, [], []))).WaitAsync(Deadline);

        var accepted = answers.Where(a => a.Accepted).ToList();
        Assert.Equal(3, accepted.Count);
        Assert.All(answers.Where(a => !a.Accepted), a => Assert.Equal(HelpRequestRefusal.Full, a.Kind));
        var loop = (await grain.GetLoopAsync())!;
        Assert.Equal(HelpRequestState.Assigned, loop.Stage);
        Assert.Equal(3, loop.Order!.Claims.Select(c => c.Who.Id).Distinct().Count());
        Assert.Equal(loop.Order.Claims[0].Who, loop.Owner);

        // Re-sent by one who got a place: the same answer, not a fourth claimer.
        var again = await grain.ClaimAsync(loop.Order.Claims[1].Who, [], []).WaitAsync(Deadline);
        Assert.True(again.Accepted);
        Assert.Equal(3, again.Ticket!.Order!.Claims.Count);

        await fixture.RestartAsync();
        var after = (await fixture.Grains.GetGrain<IHelpRequestGrain>("crowd-1").GetLoopAsync().WaitAsync(Deadline))!;
        Assert.Equal(loop.Order.Claims.Select(c => c.Who.Id), after.Order!.Claims.Select(c => c.Who.Id));
    }

    [Fact]
    public async Task ConfirmedOrderCreditsApprovedHoursToEveryClaimerOnceAndLeavesTheQueue()
    {
        var grain = await OrderAsync("hours-1", "hours-c", peopleNeeded: 2);
        var queued = await fixture.Grains.GetGrain<IOrderQueueGrain>("hours-c").GetPageAsync(HelpRequestState.Ordered, null, 10).WaitAsync(Deadline);
        Assert.Equal(["hours-1"], queued.Items.Select(i => i.Id));
        Assert.Equal((true, 2), (queued.Items[0].IsOrder, queued.Items[0].PeopleNeeded));

        var a = new LoopAssignee("hours-v-a", "甲", true, false);
        var b = new LoopAssignee("hours-v-b", "乙", false, false);
        Assert.True((await grain.ClaimAsync(a, [], [])).Accepted);
        Assert.True((await grain.ClaimAsync(b, [], [])).Accepted);
        Assert.True((await grain.StartAsync(a, b.Id, null)).Accepted);
        Assert.True((await grain.ResolveAsync(a, a.Id, "已送达")).Accepted);
        var rated = await grain.RateAsync(5, "resident:r-1", "谢谢").WaitAsync(Deadline);
        Assert.True(rated.Accepted, rated.Refusal);

        foreach (var person in new[] { a, b })
        {
            var ledger = await fixture.Grains.GetGrain<IPersonLedgerGrain>(person.Id).GetAsync().WaitAsync(Deadline);
            var hours = Assert.Single(ledger.Hours);
            Assert.Equal((HoursState.Approved, "hours-c"), (hours.State, hours.CenterId));
        }

        var left = await fixture.Grains.GetGrain<IOrderQueueGrain>("hours-c").GetPageAsync(null, null, 10).WaitAsync(Deadline);
        Assert.Empty(left.Items);
    }

    private async Task<IHelpRequestGrain> OrderAsync(string id, string centerId, int peopleNeeded)
    {
        var grain = fixture.Grains.GetGrain<IHelpRequestGrain>(id);
        await grain.OpenAsync(new HelpRequestTicket(id, centerId, BasicFunction.CareAssistance, "帮独居老人取药", "r-1", null, null, DateTimeOffset.UtcNow, HelpRequestState.Open, null))
            .WaitAsync(Deadline);
        var ordered = await grain.DispatchAsync(new OrderTerms([], peopleNeeded, TimeSpan.FromHours(2)), "staff:s", null).WaitAsync(Deadline);
        Assert.True(ordered.Accepted, ordered.Refusal);
        return grain;
    }
}
