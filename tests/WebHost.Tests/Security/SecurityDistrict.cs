using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Kiosks;
using Lianxin.TestSupport;
using Lianxin.WebHost.Security;
using Lianxin.WebHost.Tests.Emergencies;
using Lianxin.WebHost.Tests.Kiosks;
using Lianxin.WebHost.Tests.Registry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Lianxin.WebHost.Tests.Security;

/// <summary>
/// One web host on a fresh PostgreSQL database with a district where "out of scope" is real for every role: two
/// regions; region 1 has centers A and B with grids A1 and B1 (a lead and a member each) and a kiosk per center; region
/// 2 has center C with grid C1. A grid lead's emergency in A1 and an operator's over all of region 1 are running; a
/// scenario of region 1 and one of grid A1 exist; a volunteer of A1 has pending hours from kiosk A; kiosk A opened a
/// help request. Shared by the authorization matrix, the hub checks and the bad-input corpus.
/// </summary>
public sealed class SecurityDistrict : IAsyncLifetime
{
    public const string Region1 = "r1";
    public const string Region2 = "r2";
    public const string CenterA = "r1-a";
    public const string CenterB = "r1-b";
    public const string CenterC = "r2-c";
    public const string GridA1 = "r1-a-g";
    public const string GridB1 = "r1-b-g";
    public const string GridC1 = "r2-c-g";
    public const string LeadA1 = "r1-a-lead";
    public const string LeadB1 = "r1-b-lead";
    public const string VolunteerA1 = "r1-a-v";
    public const string VolunteerB1 = "r1-b-v";
    public const string VolunteerC1 = "r2-c-v";
    public const string KioskA = "k-r1-a";
    public const string KioskB = "k-r1-b";
    public const string ScenarioRegion1 = "s-r1";
    public const string ProposalRegion1 = "prop-r1";
    public const string ScenarioGridA1 = "s-r1-a-g";
    public const string ActivityA = "r1-a-act";
    public const string SubscriptionRegion1 = "sub-r1";
    public const string ProviderRegion1 = "prov-r1";
    public const string OutsourcedActivityA = "r1-a-act-out";
    public const string TeamA = "r1-a-team";
    public const string ShiftA = "r1-a-night";

    /// <summary>A resident as a token names them: the pseudonym of the number they signed in with.</summary>
    public const string ResidentA = "pid-00000000000000000000000000000000000000aa";

    private readonly Dictionary<string, string?> _authorization = new(StringComparer.Ordinal);

    private HttpClient? _client;

    public LianxinWebFactory Host { get; private set; } = null!;

    public string ConnectionString { get; private set; } = "";

    /// <summary>Launched by the grid lead of A1 over grid A1: homed at center A, grid A1.</summary>
    public string GridEmergency { get; private set; } = "";

    /// <summary>Launched by the operator of region 1 over the whole region.</summary>
    public string RegionEmergency { get; private set; } = "";

    /// <summary>Pending hours of <see cref="VolunteerA1"/>, served at center A; also the id of the visit they came from.</summary>
    public string PendingHours { get; private set; } = "";

    public string HelpRequest { get; private set; } = "";

    /// <summary>An occurrence of <see cref="ShiftA"/> two local days ahead, with volunteer A1 signed up.</summary>
    public string ShiftOccurrenceA { get; private set; } = "";

    /// <summary>A year the governance endpoints accept.</summary>
    public static int Year => DateTimeOffset.UtcNow.Year - 1;

    public IGrainFactory Grains => Host.Grains;

    public async Task InitializeAsync()
    {
        ConnectionString = await TestDatabase.CreateAsync();
        // The matrix sends hundreds of forged and expired tokens from one address on purpose.
        Host = new LianxinWebFactory(ConnectionString, settings: new Dictionary<string, string> { ["Limits:FailedAuthenticationPermitLimit"] = "1000000" });
        _ = Host.Server;
        foreach (var caller in Callers.All)
        {
            _authorization[caller.Name] = caller.Credential == Credential.Bearer ? $"Bearer {Token(caller)}" : null;
        }

        _authorization[Callers.WrongKioskKey.Name] = $"Kiosk {KioskA}.{new string('A', 43)}";

        foreach (var (region, centers) in new[] { (Region1, new[] { ("a", 27.70), ("b", 27.80) }), (Region2, new[] { ("c", 27.90) }) })
        {
            Ok(await OperatorOf(region).PostAsJsonAsync("/api/v1/centers", Requests.Center(region, "district", null)));
            foreach (var (c, lat) in centers)
            {
                var center = $"{region}-{c}";
                Ok(await OperatorOf(region).PostAsJsonAsync("/api/v1/centers", Requests.Center(center, "community", region)));
                Ok(await OperatorOf(region).PostAsJsonAsync("/api/v1/grids", Requests.Grid($"{center}-g", center, Requests.Square(lat, 121.1))));
                Ok(await OperatorOf(region).PostAsJsonAsync("/api/v1/volunteers", Requests.Volunteer($"{center}-lead", $"{center}-g", "lead")));
                Ok(await OperatorOf(region).PostAsJsonAsync("/api/v1/volunteers", Requests.Volunteer($"{center}-v", $"{center}-g")));
            }
        }

        foreach (var (kiosk, center) in new[] { (KioskA, CenterA), (KioskB, CenterB) })
        {
            Ok(await OperatorOf(Region1).PostAsJsonAsync("/api/v1/kiosks", Requests.Kiosk(kiosk, center)));
            var key = await (await OperatorOf(Region1).PostAsync($"/api/v1/kiosks/{kiosk}/keys", null)).Content.ReadFromJsonAsync<KioskHost.KeyAnswer>();
            _authorization[kiosk == KioskA ? Callers.KioskAKey.Name : Callers.KioskBKey.Name] = key!.Authorization;
        }

        Ok(await Send(Callers.Operator, HttpMethod.Post, "/api/v1/scenarios", Scenario(ScenarioRegion1)));
        Ok(await Send(Callers.Lead, HttpMethod.Post, "/api/v1/scenarios", Scenario(ScenarioGridA1)));
        await Grains.GetGrain<Lianxin.Emergencies.IAlertProposalsGrain>(0).ProposeAsync(new Lianxin.Emergencies.AlertProposal(
            ProposalRegion1, ScenarioRegion1, "台风", "bureau,w-1", "bureau", "台风", Lianxin.Emergencies.CapSeverity.Severe, Lianxin.Emergencies.CapUrgency.Expected,
            "台风橙色预警", Lianxin.Emergencies.EmergencyMode.Exercise, Lianxin.Emergencies.EmergencyLevel.Orange, Region1, DateTimeOffset.UtcNow,
            Lianxin.Emergencies.ProposalState.Proposed, null, null, null));
        GridEmergency = await LaunchAsync(Callers.Lead, EmergencyRequests.Launch(EmergencyRequests.Grids(GridA1)));
        RegionEmergency = await LaunchAsync(Callers.Operator, EmergencyRequests.Launch(new { kind = "region", ids = new[] { Region1 } }));
        await KioskActivityAsync();
        await PublishActivityAsync();
        await EventFeedAndProvidersAsync();
        Ok(await Send(Callers.Staff, HttpMethod.Put, $"/api/v1/teams/{TeamA}", TeamRequest()));
        await DefineShiftAsync();
    }

    /// <summary>Center A's volunteer team: grid A1's lead leads it, volunteer A1 is a member.</summary>
    public static object TeamRequest() => new { centerId = CenterA, name = "党员先锋服务队", leaderId = LeadA1, memberIds = new[] { VolunteerA1 } };

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>The Authorization header a caller sends, or null for none.</summary>
    public string? AuthorizationOf(CallerSpec caller) => _authorization[caller.Name];

    public Task<HttpResponseMessage> Send(CallerSpec caller, HttpMethod method, string path, object? body = null, string? rawBody = null, string contentType = "application/json")
    {
        var message = new HttpRequestMessage(method, path);
        if (rawBody is not null)
        {
            message.Content = new StringContent(rawBody, System.Text.Encoding.UTF8);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }
        else if (body is not null)
        {
            message.Content = JsonContent.Create(body);
        }

        if ((method == HttpMethod.Post && path == "/api/v1/emergencies") || (method == HttpMethod.Post && path.EndsWith("/sign-ups", StringComparison.Ordinal)))
        {
            message.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        }

        if (AuthorizationOf(caller) is { } authorization)
        {
            message.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        // One client for every request: each request carries its own credentials.
        _client ??= Host.CreateClient();
        return _client.SendAsync(message);
    }

    /// <summary>A JSON read by the operator of region 1, who may read everything here but grid A1's scenario.</summary>
    public async Task<JsonElement> ReadAsync(string path)
    {
        var response = await Send(Callers.Operator, HttpMethod.Get, path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public string TokenFor(Role role, string scope) => Host.Services.GetRequiredService<TokenIssuer>().Issue(new Caller(scope, role, scope)).Token;

    public static object Scenario(string id, string name = "台风预案") => new { id, name, level = "orange", category = "met" };

    /// <summary>A valid caller's token; a forged one signed with another key, or an expired one signed with the right key.</summary>
    private string Token(CallerSpec caller)
    {
        var operatorOfRegion1 = new Caller(Region1, Role.Operator, Region1);
        if (caller == Callers.Forged)
        {
            return new TokenIssuer(new AuthOptions(), new SymmetricSecurityKey(new byte[32])).Issue(operatorOfRegion1).Token;
        }

        if (caller == Callers.Expired)
        {
            var key = new SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes(LianxinWebFactory.SigningKey));
            return new TokenIssuer(new AuthOptions { DevTokenLifetime = TimeSpan.FromHours(-1) }, key).Issue(operatorOfRegion1).Token;
        }

        return TokenFor(caller.Role!.Value, caller.Scope!);
    }

    private HttpClient OperatorOf(string region)
    {
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(Role.Operator, region));
        return client;
    }

    private async Task<string> LaunchAsync(CallerSpec caller, object request)
    {
        var response = await Send(caller, HttpMethod.Post, "/api/v1/emergencies", request);
        Ok(response);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("definition").GetProperty("id").GetString()!;
    }

    /// <summary>Kiosk A checks volunteer A1 in and out (pending hours, a closed visit) and opens a help request.</summary>
    private async Task KioskActivityAsync()
    {
        var kiosk = Host.CreateClient();
        kiosk.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", _authorization[Callers.KioskAKey.Name]);
        var start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeSeconds());
        var help = Wire.Event("helpRequest", start, new() { ["description"] = "需要轮椅" });
        await Wire.PostAsync(kiosk, KioskA, Wire.CheckIn(VolunteerA1, start, "volunteer"), help);
        await Wire.PostAsync(kiosk, KioskA, Wire.CheckOut(VolunteerA1, start.AddMinutes(90)));
        HelpRequest = $"hr-{help["eventId"]}";
        var ledger = await Eventually.HoldsAsync(
            () => ReadAsync($"/api/v1/people/{VolunteerA1}/ledger"), l => l.GetProperty("hours").GetArrayLength() == 1, TimeSpan.FromSeconds(30), "pending hours");
        PendingHours = ledger.GetProperty("hours")[0].GetProperty("id").GetString()!;
        await Eventually.HoldsAsync(
            () => Send(Callers.Operator, HttpMethod.Get, $"/api/v1/help-requests/{HelpRequest}"), r => r.IsSuccessStatusCode, TimeSpan.FromSeconds(30), "help request");
    }

    /// <summary>Center A publishes an activity and volunteer A1 signs up for it.</summary>
    private async Task PublishActivityAsync()
    {
        Ok(await Send(Callers.Staff, HttpMethod.Post, $"/api/v1/centers/{CenterA}/activities", ActivityRequest(ActivityA)));
        Ok(await Send(Callers.Volunteer, HttpMethod.Post, $"/api/v1/activities/{ActivityA}/sign-ups", new { personId = VolunteerA1 }));
    }

    /// <summary>Center A defines a daily night shift and volunteer A1 takes a place on the one two local days ahead.</summary>
    private async Task DefineShiftAsync()
    {
        Ok(await Send(Callers.Staff, HttpMethod.Post, $"/api/v1/centers/{CenterA}/shifts", EndpointMatrix.ShiftRequest(ShiftA)));
        ShiftOccurrenceA = Lianxin.Shifts.ShiftRecurrence.OccurrenceId(ShiftA, new LocalCalendar(new KioskOptions().Zone).Day(DateTimeOffset.UtcNow).AddDays(2));
        Ok(await Send(Callers.Volunteer, HttpMethod.Post, $"/api/v1/centers/{CenterA}/shifts/occurrences/{ShiftOccurrenceA}/sign-ups", new { personId = VolunteerA1 }));
    }

    /// <summary>
    /// Region 1 subscribes an endpoint nobody listens on (deliveries fail and are retried in the background), lists a
    /// provider whose licence runs out in 20 days, and center A engages it for an activity.
    /// </summary>
    private async Task EventFeedAndProvidersAsync()
    {
        Ok(await Send(Callers.Operator, HttpMethod.Post, "/api/v1/event-subscriptions", new { id = SubscriptionRegion1, url = "http://127.0.0.1:9/events", regionId = Region1 }));
        Ok(await Send(Callers.Operator, HttpMethod.Post, "/api/v1/providers", ProviderRequest(ProviderRegion1)));
        var outsourced = System.Text.Json.JsonSerializer.SerializeToNode(ActivityRequest(OutsourcedActivityA), System.Text.Json.JsonSerializerOptions.Web)!.AsObject();
        outsourced["function"] = "cultureSportsLeisure";
        outsourced["providerId"] = ProviderRegion1;
        Ok(await Send(Callers.Staff, HttpMethod.Post, $"/api/v1/centers/{CenterA}/activities", outsourced));
    }

    /// <summary>A provider on region 1's list for culture and volunteer service, licensed from 100 days ago to 20 days ahead.</summary>
    public static object ProviderRequest(string? id) => new
    {
        id,
        name = "连心社工服务中心",
        licenceNumber = "52330000MJ0000001X",
        services = new[] { "cultureSportsLeisure", "volunteerService" },
        validFrom = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-100),
        validUntil = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20),
        rating = 4.5m,
        regionId = id is null ? null : Region1,
    };

    /// <summary>An activity of center A, open for sign-up, starting in 30 minutes (check-in open).</summary>
    public static object ActivityRequest(string id) => new
    {
        id,
        title = "党史学习讲座",
        function = "publicityDisplay",
        startsAt = DateTimeOffset.UtcNow.AddMinutes(30),
        endsAt = DateTimeOffset.UtcNow.AddHours(2),
        room = "报告厅",
        capacity = 2,
        audience = "everyone",
        offerMinutes = 60,
    };

    private static void Ok(HttpResponseMessage response) =>
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode}");
}

[CollectionDefinition(Name)]
public sealed class SecurityDistrictCollection : ICollectionFixture<SecurityDistrict>
{
    public const string Name = "Security district";
}
