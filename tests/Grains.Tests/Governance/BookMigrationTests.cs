using Lianxin.Common;
using Lianxin.Governance;
using Lianxin.HelpRequests;
using Lianxin.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;
using Xunit;

namespace Lianxin.Grains.Tests.Governance;

/// <summary>
/// A center's help requests of a year and its queue were each one grain state before they were books: a center that
/// wakes after the upgrade finds every request it held in its book, there after a restart too, and the old state is gone.
/// </summary>
[Trait("Needs", "PostgreSQL")]
public sealed class BookMigrationTests(GovernanceClusterFixture fixture) : IClassFixture<GovernanceClusterFixture>
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private IGrainStorage LiveStorage =>
        ((InProcessSiloHandle)fixture.Cluster.Silos[0]).ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Live);

    [Fact]
    public async Task AYearKeptAsOneStateIsListedFromTheBookAfterwards()
    {
        var loop = new ClosedLoopLifecycle(ClosedLoopTimeLimits.Default);
        var tickets = new[] { "hr-m1", "hr-m2" }.Select((id, i) => loop.Open(id, "c-m", ["s-m"], BasicFunction.CareAssistance, "帮老人买药", "kiosk-1", T0.AddMinutes(i))).ToList();
        var book = fixture.Grains.GetGrain<ICenterHelpRequestsGrain>($"c-m/{Guid.NewGuid():N}");
        var earlier = new GrainState<CenterHelpRequestsState>(new CenterHelpRequestsState { Tickets = tickets.ToDictionary(t => t.Id) });
        await LiveStorage.WriteStateAsync(StorageNames.CenterHelpRequestsState, book.GetGrainId(), earlier);

        Assert.Equal(["hr-m1", "hr-m2"], (await book.ListAsync()).Select(t => t.Id));
        await fixture.RestartAsync();
        Assert.Equal(["hr-m1", "hr-m2"], (await fixture.Grains.GetGrain<ICenterHelpRequestsGrain>(book.GetPrimaryKeyString()).ListAsync()).Select(t => t.Id));

        var after = new GrainState<CenterHelpRequestsState>(new CenterHelpRequestsState());
        await LiveStorage.ReadStateAsync(StorageNames.CenterHelpRequestsState, book.GetGrainId(), after);
        Assert.Empty(after.State!.Tickets);
    }

    [Fact]
    public async Task AQueueKeptAsOneStateListsItsRequestsFromTheBookAfterwards()
    {
        var queue = fixture.Grains.GetGrain<IOrderQueueGrain>($"c-q-{Guid.NewGuid():N}");
        var open = new OrderQueueItem("hr-q1", "c-q", BasicFunction.CareAssistance, "帮老人买药", HelpRequestState.Open, 0, T0, T0.AddHours(2), false, [], 1, []);
        var earlier = new GrainState<OrderQueueState>(new OrderQueueState
        {
            Items = { [open.Id] = open },
            // A resolved request's rating window: due, but no longer in the queue.
            Due = { [open.Id] = T0.AddHours(2), ["hr-q2"] = T0.AddDays(3) },
        });
        await LiveStorage.WriteStateAsync(StorageNames.OrderQueueState, queue.GetGrainId(), earlier);

        var page = await queue.GetPageAsync(null, null, 10);

        Assert.Equal(["hr-q1"], page.Items.Select(i => i.Id));
        var after = new GrainState<OrderQueueState>(new OrderQueueState());
        await LiveStorage.ReadStateAsync(StorageNames.OrderQueueState, queue.GetGrainId(), after);
        Assert.Empty(after.State!.Items);
        Assert.Empty(after.State.Due);
    }

    [Fact]
    public async Task ALedgerKeptWholeShowsItsHoursFromTheBookAfterwardsAndWritesEachDecisionAlone()
    {
        var person = $"p-m-{Guid.NewGuid():N}";
        var ledger = fixture.Grains.GetGrain<IPersonLedgerGrain>(person);
        var approved = new ServiceHours(Guid.NewGuid(), "c-gone", T0, T0.AddHours(2), false, HoursState.Approved, "staff-1", T0.AddDays(1));
        var pending = new ServiceHours(Guid.NewGuid(), "c-gone", T0.AddDays(2), T0.AddDays(2).AddHours(1), false);
        var earlier = new GrainState<PersonLedgerState>(new PersonLedgerState
        {
            Hours = [approved, pending],
            Points = [new PointsEntry(approved.Id, T0.AddDays(1), 20, "hours", "staff-1", "2 h")],
        });
        await LiveStorage.WriteStateAsync(StorageNames.PersonLedgerState, ledger.GetGrainId(), earlier);

        Assert.Equal([approved.Id, pending.Id], (await ledger.GetAsync()).Hours.Select(h => h.Id));
        await ledger.DecideHoursAsync(pending.Id, approve: false, "staff-2", "未到岗");
        await fixture.RestartAsync();
        var after = await fixture.Grains.GetGrain<IPersonLedgerGrain>(person).GetAsync();

        Assert.Equal([HoursState.Approved, HoursState.Declined], after.Hours.Select(h => h.State));
        Assert.Equal(["c-gone"], after.Centers);
        Assert.Equal(20, after.Balance);
        var stored = new GrainState<PersonLedgerState>(new PersonLedgerState());
        await LiveStorage.ReadStateAsync(StorageNames.PersonLedgerState, ledger.GetGrainId(), stored);
        Assert.Empty(stored.State!.Hours);
    }
}
