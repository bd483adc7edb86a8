using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Kiosks;
using Lianxin.Ledger;
using Lianxin.TestSupport;
using Lianxin.WebHost.Security;
using Lianxin.WebHost.Tests.Registry;

namespace Lianxin.WebHost.Tests.Security;

/// <summary>
/// An unregistered resident's ledger is read only by operators and auditors whose scope covers every center its
/// entries came from, and a ledger holds a bounded number of entries (here 2, so the cap is reached quickly).
/// </summary>
public sealed class LedgerScopeTests(LedgerScopeTests.SmallLedgerHost fixture) : IClassFixture<LedgerScopeTests.SmallLedgerHost>
{
    private readonly string _root = $"r{Guid.NewGuid():N}"[..12];

    private string Resident { get; } = $"pid-{Guid.NewGuid():N}{Guid.NewGuid():N}"[..44];

    [Fact]
    public async Task AnUnregisteredResidentsLedgerIsReadOnlyInTheRegionsTheirEntriesCameFrom()
    {
        await RegionsAsync();
        var ledger = fixture.Host.Grains.GetGrain<IPersonLedgerGrain>(Resident);
        await ledger.RecordHoursAsync(new ServiceHours(Guid.NewGuid(), $"{_root}-a", DateTimeOffset.UtcNow.AddHours(-2), DateTimeOffset.UtcNow.AddHours(-1), false));

        var onlyA = await StatusesAsync();
        await ledger.RedeemAsync(Redemption($"{_root}-b"));
        var aAndB = await StatusesAsync();

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.OK), onlyA);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.OK), aAndB);
    }

    [Fact]
    public async Task ALedgerFullOfEntriesRefusesMoreWithAClearAnswer()
    {
        await RegionsAsync();
        var ledger = fixture.Host.Grains.GetGrain<IPersonLedgerGrain>(Resident);
        var first = Guid.NewGuid();
        var from = DateTimeOffset.UtcNow.AddHours(-3);
        await ledger.RecordHoursAsync(new ServiceHours(first, $"{_root}-a", from, from.AddHours(1), false));
        await ledger.RecordHoursAsync(new ServiceHours(Guid.NewGuid(), $"{_root}-a", from, from.AddHours(1), false));
        var thirdHours = await ledger.RecordHoursAsync(new ServiceHours(Guid.NewGuid(), $"{_root}-a", from, from.AddHours(1), false));
        await ledger.RedeemAsync(Redemption($"{_root}-a"));
        await ledger.RedeemAsync(Redemption($"{_root}-a"));
        var thirdRedemption = await ledger.RedeemAsync(Redemption($"{_root}-a"));

        using var root = fixture.Host.ClientAs(Role.Operator, _root);
        var approval = await root.PostAsJsonAsync($"/api/v1/people/{Resident}/hours/{first}/decision", new { decision = "approved" });

        Assert.Equal(Common.RegistryOutcome.Conflict, thirdHours.Outcome);
        Assert.Equal(EventStatus.Rejected, thirdRedemption.Status);
        await ProblemAssert.HasFieldErrorAsync(approval, "decision");
        var after = await root.GetFromJsonAsync<JsonElement>($"/api/v1/people/{Resident}/ledger");
        Assert.Equal((2, 2, "pending"), (after.GetProperty("hours").GetArrayLength(), after.GetProperty("points").GetArrayLength(),
            after.GetProperty("hours")[0].GetProperty("state").GetString()));
    }

    /// <summary>A district with streets a and b, each with a community.</summary>
    private async Task RegionsAsync()
    {
        using var root = fixture.Host.ClientAs(Role.Operator, _root);
        (await root.PostAsJsonAsync("/api/v1/centers", Requests.Center(_root, "district", null))).EnsureSuccessStatusCode();
        foreach (var street in new[] { "a", "b" })
        {
            (await root.PostAsJsonAsync("/api/v1/centers", Requests.Center($"{_root}-{street}", "street", _root))).EnsureSuccessStatusCode();
        }
    }

    /// <summary>What operators of a, b and a's neighbour staff, and the district's operator and auditor, are answered.</summary>
    private async Task<(HttpStatusCode, HttpStatusCode, HttpStatusCode, HttpStatusCode, HttpStatusCode)> StatusesAsync()
    {
        async Task<HttpStatusCode> AsAsync(Role role, string scope)
        {
            using var client = fixture.Host.ClientAs(role, scope);
            return (await client.GetAsync($"/api/v1/people/{Resident}/ledger")).StatusCode;
        }

        return (await AsAsync(Role.Operator, $"{_root}-a"), await AsAsync(Role.Auditor, $"{_root}-b"), await AsAsync(Role.Staff, $"{_root}-a"),
            await AsAsync(Role.Operator, _root), await AsAsync(Role.Auditor, _root));
    }

    private JournaledKioskEvent Redemption(string centerId) =>
        new(0, $"{centerId}-k1", centerId, new KioskEvent(Guid.NewGuid(), DateTimeOffset.UtcNow, new PointsRedemption(Resident, 0, "肥皂")));

    /// <summary>A host whose ledgers hold two entries of each kind.</summary>
    public sealed class SmallLedgerHost : IAsyncLifetime
    {
        public LianxinWebFactory Host { get; } = new(settings: new Dictionary<string, string> { ["Ledger:MaxEntries"] = "2" });

        public Task InitializeAsync()
        {
            _ = Host.Server;
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }
}
