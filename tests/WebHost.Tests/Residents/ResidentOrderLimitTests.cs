using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.WebHost.Security;

namespace Lianxin.WebHost.Tests.Residents;

/// <summary>
/// A resident states at most <see cref="ResidentHost.OpenOrders"/> open needs at once and at most
/// <see cref="ResidentHost.OrdersPerWindow"/> a day: past either, the answer is a problem that says why, and nothing
/// is opened.
/// </summary>
[Trait("Needs", "PostgreSQL")]
[Collection(ResidentHostCollection.Name)]
public sealed class ResidentOrderLimitTests(ResidentHost host)
{
    [Fact]
    public async Task ANeedPastTheOpenLimitIsRefusedWithA409UntilOneIsTurnedDown()
    {
        var me = await SignedInAsync("13955550001", "198.51.100.40");
        var first = await OrderAsync(me, "楼道灯坏了");
        await OrderAsync(me, "需要代买药品");

        var third = await me.PostAsJsonAsync("/api/v1/me/orders", Need("邻里纠纷调解"));
        var listedAfterRefusal = (await me.GetFromJsonAsync<JsonElement>("/api/v1/me/orders")).GetArrayLength();
        (await host.ClientAs(Role.Staff, ResidentHost.Center).PostAsJsonAsync($"/api/v1/help-requests/{first}/reject", new { reason = "已由物业处理" }))
            .EnsureSuccessStatusCode();
        var afterReject = await me.PostAsJsonAsync("/api/v1/me/orders", Need("邻里纠纷调解"));

        var problem = await ProblemAssert.IsProblemAsync(third, HttpStatusCode.Conflict);
        Assert.Contains("2 open needs", problem.GetProperty("detail").GetString());
        Assert.Equal(ResidentHost.OpenOrders, problem.GetProperty("openLimit").GetInt32());
        Assert.Equal(2, listedAfterRefusal);
        Assert.Equal(HttpStatusCode.Created, afterReject.StatusCode);
    }

    [Fact]
    public async Task ANeedPastTheDaysLimitIsRefusedWithA429AndARetryAfter()
    {
        var me = await SignedInAsync("13955550002", "198.51.100.41");
        var staff = host.ClientAs(Role.Staff, ResidentHost.Center);
        for (var i = 0; i < ResidentHost.OrdersPerWindow; i++)
        {
            // Each turned down at once, so the open limit never stands in the way.
            var id = await OrderAsync(me, $"第 {i + 1} 件事");
            (await staff.PostAsJsonAsync($"/api/v1/help-requests/{id}/reject", new { reason = "重复" })).EnsureSuccessStatusCode();
        }

        var refused = await me.PostAsJsonAsync("/api/v1/me/orders", Need("又一件事"));
        var listed = (await me.GetFromJsonAsync<JsonElement>("/api/v1/me/orders")).GetArrayLength();

        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Contains($"{ResidentHost.OrdersPerWindow} needs today", problem.GetProperty("detail").GetString());
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(ResidentHost.OrdersPerWindow, listed);
    }

    private static object Need(string description) => new { centerId = ResidentHost.Center, function = "careAssistance", description };

    private static async Task<string> OrderAsync(HttpClient me, string description)
    {
        var response = await me.PostAsJsonAsync("/api/v1/me/orders", Need(description));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private async Task<HttpClient> SignedInAsync(string phone, string address)
    {
        var client = host.From(address);
        var signedIn = await ResidentHost.SignInAsync(client, phone, await host.CodeSentToAsync(client, phone));
        return host.WithToken(signedIn.GetProperty("token").GetString()!);
    }
}
