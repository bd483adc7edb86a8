using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.TestSupport;
using Lianxin.WebHost.Security;
using Lianxin.WebHost.Tests.Registry;

namespace Lianxin.WebHost.Tests.Activities;

/// <summary>
/// A web host on a fresh PostgreSQL database with district "ev", center "ev-c1" (grid "ev-g1"), a party member
/// "ev-member" and a volunteer who is not one, "ev-plain". Helpers publish activities and sign people up as themselves.
/// </summary>
public sealed class ActivityHost : IAsyncLifetime
{
    public const string District = "ev";
    public const string Center = "ev-c1";
    public const string Grid = "ev-g1";
    public const string Member = "ev-member";
    public const string NonMember = "ev-plain";

    public LianxinWebFactory Host { get; private set; } = null!;

    public string ConnectionString { get; private set; } = "";

    public HttpClient Staff { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = await TestDatabase.CreateAsync();
        Host = new LianxinWebFactory(ConnectionString);
        var op = Host.ClientAs(Role.Operator, District);
        await OkAsync(await op.PostAsJsonAsync("/api/v1/centers", Requests.Center(District, "district", null)));
        await OkAsync(await op.PostAsJsonAsync("/api/v1/centers", Requests.Center(Center, "community", District)));
        await OkAsync(await op.PostAsJsonAsync("/api/v1/grids", Requests.Grid(Grid, Center)));
        await OkAsync(await op.PostAsJsonAsync("/api/v1/volunteers", Requests.Volunteer(Member, Grid)));
        await OkAsync(await op.PostAsJsonAsync("/api/v1/volunteers", new
        {
            id = NonMember, name = "赵六", phone = "13912345679", isPartyMember = false, homeGridId = Grid, gridRole = "member", skills = Array.Empty<string>(),
        }));
        Staff = Host.ClientAs(Role.Staff, Center);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>An activity of <see cref="Center"/> starting in 30 minutes (check-in is open), sign-up open now.</summary>
    public static object ActivityRequest(string id, int capacity, string function = "cultureSportsLeisure", int waitlistLimit = -1, int? offerMinutes = null) => new
    {
        id,
        title = "太极拳体验课",
        function,
        startsAt = DateTimeOffset.UtcNow.AddMinutes(30),
        endsAt = DateTimeOffset.UtcNow.AddMinutes(90),
        room = "多功能厅",
        capacity,
        audience = "everyone",
        waitlist = waitlistLimit != 0,
        waitlistLimit = waitlistLimit < 0 ? capacity : waitlistLimit,
        offerMinutes,
    };

    public async Task<JsonElement> PublishAsync(object activity)
    {
        var response = await Staff.PostAsJsonAsync($"/api/v1/centers/{Center}/activities", activity);
        await OkAsync(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A person signs up as themselves with their volunteer token and the given idempotency key.</summary>
    public static async Task<HttpResponseMessage> SignUpAsync(LianxinWebFactory host, string activityId, string personId, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/activities/{activityId}/sign-ups") { Content = JsonContent.Create(new { personId }) };
        request.Headers.Add("Idempotency-Key", key);
        return await host.ClientAs(Role.Volunteer, personId).SendAsync(request);
    }

    public static async Task OkAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ActivityHostCollection : ICollectionFixture<ActivityHost>
{
    public const string Name = "Activity host";
}
