using System.Text.Json;
using Lianxin.Centers;
using Lianxin.Live;
using Lianxin.TestSupport;
using Lianxin.WebHost.Live;
using Lianxin.WebHost.Security;
using Lianxin.WebHost.Tests.Kiosks;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Lianxin.WebHost.Tests.Security;

/// <summary>People a kiosk identified by ID card or phone appear only as keyed pseudonyms on the center's dashboard, and not at all on the live hub.</summary>
[Trait("Needs", "PostgreSQL")]
public sealed class IdNumberMaskingTests(KioskHostFixture fixture) : IClassFixture<KioskHostFixture>
{
    private const string IdNumber = "110105199001011234";
    private const string MaskedId = "110***********1234";
    private const string Phone = "13812345678";

    private LianxinWebFactory Host => fixture.Host;

    [Fact]
    public async Task ACentersActivityAndLiveFeedsNeverCarryAWholeIdOrPhoneNumber()
    {
        var (kiosk, kioskId, centerId, staff) = await Host.KioskAsync();
        var district = (await Host.Grains.GetGrain<ICenterGrain>(centerId).GetAsync())!.Profile.ParentId!;
        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        await Wire.PostAsync(kiosk, kioskId,
            Wire.CheckIn(IdNumber, at),
            Wire.CheckIn(Phone, at),
            Wire.Event("afterHoursEntry", at, new() { ["personId"] = IdNumber, ["door"] = "东门" }));
        var activity = await Eventually.HoldsAsync(
            () => staff.GetStringAsync($"/api/v1/centers/{centerId}/activity"),
            a => JsonDocument.Parse(a).RootElement.GetProperty("inside").GetArrayLength() == 2);

        await using var hub = await ConnectAsync(staff.DefaultRequestHeaders.Authorization!.Parameter!);
        var region = await hub.InvokeAsync<JsonElement>("Subscribe", LiveScope.Region(district)).WaitAsync(TimeSpan.FromSeconds(30));
        var center = await hub.InvokeAsync<JsonElement>("Subscribe", LiveScope.Center(centerId)).WaitAsync(TimeSpan.FromSeconds(30));

        var inside = JsonDocument.Parse(activity).RootElement.GetProperty("inside").EnumerateArray().Select(v => v.GetProperty("personId").GetString()).ToList();
        // Stored as keyed pseudonyms from the protocol edge on: the ID card's check-in and door entry are one person.
        Assert.Equal(2, inside.Count);
        Assert.All(inside, id => Assert.StartsWith(PersonPseudonyms.Prefix, id, StringComparison.Ordinal));
        Assert.DoesNotContain(MaskedId, activity, StringComparison.Ordinal);
        foreach (var payload in new[] { activity, region.GetRawText(), center.GetRawText() })
        {
            Assert.DoesNotContain(IdNumber, payload, StringComparison.Ordinal);
            Assert.DoesNotContain(Phone, payload, StringComparison.Ordinal);
        }

        Assert.Contains(centerId, center.GetRawText(), StringComparison.Ordinal);
    }

    private async Task<HubConnection> ConnectAsync(string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(Host.Server.BaseAddress, LiveConfiguration.HubPath), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => Host.Server.CreateHandler();
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        await connection.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return connection;
    }
}
