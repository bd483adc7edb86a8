using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.Governance;
using Lianxin.HelpRequests;
using Lianxin.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Xunit;

namespace Lianxin.Grains.Tests.Governance;

/// <summary>
/// A cluster on PostgreSQL whose centers' clock the test sets, with the production limits (two hours to assign) and the
/// center's due sweep every second: a limit passes when the test moves the clock, never on a running timer.
/// </summary>
public sealed class DueSweepClusterFixture : GovernanceClusterFixture
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Governance:Evidence:ReportInterval"] = "00:00:00",
        ["Governance:ClosedLoop:DueSweep"] = "00:00:01",
    };

    protected override void ConfigureSilo(ISiloBuilder silo) => silo.Services.AddKeyedSingleton<TimeProvider>(CentersClock.Key, Clock);
}

/// <summary>
/// A help request's time limit is applied after every silo that held it is gone: the center's one durable reminder
/// wakes it, with no reminder of the request's own.
/// </summary>
[Trait("Needs", "PostgreSQL")]
public sealed class DueRequestsAfterRestartTests(DueSweepClusterFixture fixture) : IClassFixture<DueSweepClusterFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task UnassignedRequestsEscalateAfterTheClusterRestartsThroughTheirCentersOneReminder()
    {
        var grains = fixture.Grains;
        await grains.GetGrain<ICenterGrain>("due-d").CreateAsync(CenterProfiles.Of(CenterLevel.District) with { ParentId = null }).WaitAsync(Deadline);
        await grains.GetGrain<ICenterGrain>("due-s").CreateAsync(CenterProfiles.Of(CenterLevel.Street) with { ParentId = "due-d" }).WaitAsync(Deadline);
        await grains.GetGrain<ICenterGrain>("due-c").CreateAsync(CenterProfiles.Community(400, 1000) with { ParentId = "due-s" }).WaitAsync(Deadline);
        var openedAt = fixture.Clock.GetUtcNow();
        string[] ids = ["due-1", "due-2", "due-3"];
        foreach (var id in ids)
        {
            await grains.GetGrain<IHelpRequestGrain>(id)
                .OpenAsync(new HelpRequestTicket(id, "due-c", BasicFunction.CareAssistance, "楼道灯坏了", null, "kiosk-due", Guid.NewGuid(), openedAt, HelpRequestState.Open, null))
                .WaitAsync(Deadline);
        }

        Assert.Equal(["due-c:due-requests"], await RemindersAsync());

        await fixture.RestartAsync();
        fixture.Clock.Advance(TimeSpan.FromHours(3));

        // Only the queue is asked: activating a request would apply its limit by itself.
        var page = await Eventually.HoldsAsync(
            () => fixture.Grains.GetGrain<IOrderQueueGrain>("due-c").GetPageAsync(null, null, 10),
            p => p.Items.Count == ids.Length && p.Items.All(i => i.EscalationLevel == 1),
            Deadline,
            "every request escalated by the center's reminder");
        Assert.All(page.Items, i => Assert.Equal(openedAt.AddHours(6), i.DueAt));
        var loop = await fixture.Grains.GetGrain<IHelpRequestGrain>("due-2").GetLoopAsync().WaitAsync(Deadline);
        Assert.Equal((HelpRequestState.Escalated, "due-s", openedAt.AddHours(2)), (loop!.Stage, loop.EscalatedTo, loop.History[^1].At));
        Assert.Equal(["due-c:due-requests"], await RemindersAsync());
    }

    /// <summary>Each stored reminder as "{grain key}:{name}".</summary>
    private async Task<List<string>> RemindersAsync()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT grain_id, reminder_name FROM orleans_reminder ORDER BY grain_id, reminder_name", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var found = new List<string>();
        while (await reader.ReadAsync())
        {
            var grainId = reader.GetString(0);
            found.Add($"{grainId[(grainId.IndexOf('/', StringComparison.Ordinal) + 1)..]}:{reader.GetString(1)}");
        }

        return found;
    }
}
