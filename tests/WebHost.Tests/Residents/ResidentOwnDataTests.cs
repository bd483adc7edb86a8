using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.WebHost.Security;
using Lianxin.WebHost.Tests.Security;

namespace Lianxin.WebHost.Tests.Residents;

/// <summary>
/// A resident sees and changes only their own sign-ups, orders, ratings and ledger; a kiosk that read an ID card gets a
/// token for that person only, for minutes.
/// </summary>
[Trait("Needs", "PostgreSQL")]
[Collection(ResidentHostCollection.Name)]
public sealed class ResidentOwnDataTests(ResidentHost host)
{
    [Fact]
    public async Task AResidentSignsUpAndOrdersAsThemselvesAndCannotTouchAnotherResidentsThings()
    {
        var operatorOfCenter = host.ClientAs(Role.Operator, ResidentHost.Center);
        (await operatorOfCenter.PostAsJsonAsync($"/api/v1/centers/{ResidentHost.Center}/activities", SecurityDistrict.ActivityRequest("res-act"))).EnsureSuccessStatusCode();
        var (me, myId) = await SignedInAsync("13944440001", "198.51.100.10");
        var (other, otherId) = await SignedInAsync("13944440002", "198.51.100.11");

        var signUp = await PostAsync(me, "/api/v1/activities/res-act/sign-ups", new { personId = myId }, "key-1");
        var order = await me.PostAsJsonAsync("/api/v1/me/orders", new { centerId = ResidentHost.Center, function = "careAssistance", description = "家中水管漏水" });
        var orderId = (await order.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var mySignUps = await me.GetFromJsonAsync<JsonElement>("/api/v1/me/sign-ups");
        var myOrders = await me.GetFromJsonAsync<JsonElement>("/api/v1/me/orders");
        var myRating = await me.PostAsJsonAsync($"/api/v1/help-requests/{orderId}/rate", new { rating = 5 });

        var refused = new[]
        {
            await PostAsync(other, "/api/v1/activities/res-act/sign-ups", new { personId = myId }, "key-2"),
            await other.PostAsync($"/api/v1/activities/res-act/sign-ups/{myId}/cancel", null),
            await other.GetAsync($"/api/v1/activities/res-act/sign-ups/{myId}"),
            await other.PostAsJsonAsync($"/api/v1/help-requests/{orderId}/rate", new { rating = 1 }),
            await other.GetAsync($"/api/v1/people/{myId}/ledger"),
            await other.GetAsync($"/api/v1/help-requests/{orderId}/loop"),
        };
        var othersOrders = await other.GetFromJsonAsync<JsonElement>("/api/v1/me/orders");

        Assert.Equal(HttpStatusCode.OK, signUp.StatusCode);
        Assert.Equal("confirmed", (await signUp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        Assert.Equal(HttpStatusCode.Created, order.StatusCode);
        var listed = Assert.Single(mySignUps.EnumerateArray());
        Assert.Equal("res-act", listed.GetProperty("activityId").GetString());
        Assert.Equal("confirmed", listed.GetProperty("place").GetProperty("status").GetString());
        Assert.Equal(orderId, Assert.Single(myOrders.EnumerateArray()).GetProperty("id").GetString());
        // Past authorization: the request is not resolved yet, so the rating is refused by its stage, not by who asks.
        Assert.Equal(HttpStatusCode.Conflict, myRating.StatusCode);
        Assert.All(refused, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.All(refused, r => Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType));
        Assert.Empty(othersOrders.EnumerateArray());
        Assert.NotEqual(myId, otherId);
        Assert.Equal(HttpStatusCode.OK, (await me.GetAsync($"/api/v1/people/{myId}/ledger")).StatusCode);
    }

    [Fact]
    public async Task AKioskThatReadAnIdCardGetsAShortTokenForThatPersonOnly()
    {
        const string idNumber = "11010519491231002X";

        var response = await host.Kiosk.PostAsJsonAsync($"/api/v1/kiosks/{ResidentHost.KioskId}/resident-sessions", new { idNumber });
        var session = await response.Content.ReadFromJsonAsync<JsonElement>();
        var resident = host.WithToken(session.GetProperty("token").GetString()!);
        var me = await resident.GetFromJsonAsync<JsonElement>("/api/v1/me");
        var sameCardLowerCase = await host.Kiosk.PostAsJsonAsync($"/api/v1/kiosks/{ResidentHost.KioskId}/resident-sessions", new { idNumber = idNumber.ToLowerInvariant() });
        var otherKiosk = await host.Kiosk.PostAsJsonAsync("/api/v1/kiosks/k-someone-else/resident-sessions", new { idNumber });
        var withoutKey = await host.Host.CreateClient().PostAsJsonAsync($"/api/v1/kiosks/{ResidentHost.KioskId}/resident-sessions", new { idNumber });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(session.GetProperty("personId").GetString(), me.GetProperty("personId").GetString());
        Assert.Equal(session.GetProperty("personId").GetString(), (await sameCardLowerCase.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("personId").GetString());
        Assert.DoesNotContain(idNumber[6..14], session.GetRawText(), StringComparison.Ordinal);
        Assert.True(session.GetProperty("expiresAt").GetDateTimeOffset() <= DateTimeOffset.UtcNow.AddMinutes(5));
        Assert.Equal(HttpStatusCode.Forbidden, otherKiosk.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync($"/api/v1/centers/{ResidentHost.Center}/orders")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync("/api/v1/people/pid-00000000000000000000000000000000000000bb/ledger")).StatusCode);
    }

    private async Task<(HttpClient Client, string PersonId)> SignedInAsync(string phone, string address)
    {
        var client = host.From(address);
        var signedIn = await ResidentHost.SignInAsync(client, phone, await host.CodeSentToAsync(client, phone));
        return (host.WithToken(signedIn.GetProperty("token").GetString()!), signedIn.GetProperty("personId").GetString()!);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }
}
