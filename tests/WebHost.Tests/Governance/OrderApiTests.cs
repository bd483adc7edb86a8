using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Lianxin.WebHost.Tests.Governance;

/// <summary>Orders over HTTP on the demo district: dispatch, claims by people near the center, the queue, hours, rejection.</summary>
[Collection(GovernanceWebCollection.Name)]
[Trait("Needs", "PostgreSQL")]
public sealed class OrderApiTests(GovernanceWebFactory factory)
{
    [Fact]
    public async Task GroupOrderIsClaimedByPeopleNearItsCenterThenWorkedConfirmedAndCreditedToBoth()
    {
        var operatorClient = await factory.ClientForAsync("operator", "ld");
        var (centerId, first, second, third) = await NeighboursAsync(operatorClient);
        var staff = await factory.ClientForAsync("staff", centerId, subject: "order-staff");
        var id = await OpenAsync(staff, centerId);

        var ordered = await PostAsync(staff, $"/api/v1/help-requests/{id}/order", new { skills = Array.Empty<string>(), peopleNeeded = 2, timeLimitMinutes = 120 }, HttpStatusCode.OK);
        Assert.Equal("ordered", ordered.GetProperty("stage").GetString());
        var firstClient = await factory.ClientForAsync("volunteer", first);
        var near = await firstClient.GetJsonAsync($"/api/v1/volunteers/{first}/orders");
        Assert.Contains(id, near.GetProperty("open").EnumerateArray().Select(o => o.GetProperty("id").GetString()));

        var forSomeoneElse = await firstClient.PostAsJsonAsync($"/api/v1/help-requests/{id}/claim", new { personId = second }).WaitAsync(GovernanceWebFactory.Deadline);
        Assert.Equal(HttpStatusCode.Forbidden, forSomeoneElse.StatusCode);
        var claimed = await PostAsync(firstClient, $"/api/v1/help-requests/{id}/claim", new { personId = first }, HttpStatusCode.OK);
        var again = await PostAsync(firstClient, $"/api/v1/help-requests/{id}/claim", new { personId = first }, HttpStatusCode.OK);
        Assert.Equal((1, 1, "ordered"), (claimed.GetProperty("position").GetInt32(), again.GetProperty("claimed").GetInt32(), again.GetProperty("stage").GetString()));
        var full = await PostAsync(await factory.ClientForAsync("volunteer", second), $"/api/v1/help-requests/{id}/claim", new { personId = second }, HttpStatusCode.OK);
        Assert.Equal((2, "assigned"), (full.GetProperty("position").GetInt32(), full.GetProperty("stage").GetString()));
        var late = await staff.PostAsJsonAsync($"/api/v1/help-requests/{id}/claim", new { personId = third }).WaitAsync(GovernanceWebFactory.Deadline);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var lateProblem = await late.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("full", lateProblem.GetProperty("refusal").GetString());

        var assigned = await staff.GetJsonAsync($"/api/v1/centers/{centerId}/orders?stage=assigned&limit=100");
        Assert.Contains(assigned.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id && i.GetProperty("claimedBy").GetArrayLength() == 2);
        var region = await operatorClient.GetJsonAsync("/api/v1/centers/ld/orders?subtree=true&stage=assigned&limit=100");
        Assert.Contains(region.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id);
        var mine = await firstClient.GetJsonAsync($"/api/v1/volunteers/{first}/orders");
        Assert.Contains(id, mine.GetProperty("mine").EnumerateArray().Select(o => o.GetProperty("id").GetString()));

        // The second claimer starts and resolves for the group; the resident's confirmation (recorded by staff) credits both.
        var secondClient = await factory.ClientForAsync("volunteer", second);
        await PostAsync(secondClient, $"/api/v1/help-requests/{id}/start", new { note = "出发" }, HttpStatusCode.OK);
        await PostAsync(secondClient, $"/api/v1/help-requests/{id}/resolve", new { note = "已陪同就医" }, HttpStatusCode.OK);
        await PostAsync(staff, $"/api/v1/help-requests/{id}/rate", new { rating = 5 }, HttpStatusCode.OK);
        foreach (var person in new[] { first, second })
        {
            var ledger = await operatorClient.GetJsonAsync($"/api/v1/people/{person}/ledger");
            Assert.Contains(ledger.GetProperty("hours").EnumerateArray(), h => h.GetProperty("centerId").GetString() == centerId && h.GetProperty("state").GetString() == "approved");
        }

        var audit = await (await factory.ClientForAsync("auditor", "ld")).GetJsonAsync($"/api/v1/audit?subject=helpRequest:{id}");
        Assert.Contains("helpRequest.ordered", audit.EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        Assert.Equal(3, audit.EnumerateArray().Count(e => e.GetProperty("action").GetString() == "helpRequest.claimed"));
    }

    [Fact]
    public async Task RejectedRequestLeavesTheQueueWithItsReasonAndTakesNoOrderOrClaim()
    {
        var staff = await factory.ClientForAsync("staff", "ld-dg-c03");
        var id = await OpenAsync(staff, "ld-dg-c03");
        var queued = await staff.GetJsonAsync("/api/v1/centers/ld-dg-c03/orders?stage=open&limit=100");
        Assert.Contains(queued.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id);

        var rejected = await PostAsync(staff, $"/api/v1/help-requests/{id}/reject", new { reason = "不属于本中心服务范围" }, HttpStatusCode.OK);
        var order = await staff.PostAsJsonAsync($"/api/v1/help-requests/{id}/order", new { peopleNeeded = 1, timeLimitMinutes = 60 }).WaitAsync(GovernanceWebFactory.Deadline);
        var badCursor = await staff.GetAsync("/api/v1/centers/ld-dg-c03/orders?after=not-a-cursor").WaitAsync(GovernanceWebFactory.Deadline);

        Assert.Equal(("rejected", "不属于本中心服务范围"), (rejected.GetProperty("stage").GetString(), rejected.GetProperty("rejection").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, order.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badCursor.StatusCode);
        var after = await staff.GetJsonAsync("/api/v1/centers/ld-dg-c03/orders?limit=100");
        Assert.DoesNotContain(after.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id);
    }

    /// <summary>A center of the demo district and three people whose grid hangs below it.</summary>
    private static async Task<(string CenterId, string First, string Second, string Third)> NeighboursAsync(HttpClient operatorClient)
    {
        var grid = (await operatorClient.GetJsonAsync("/api/v1/volunteers/v-00017")).GetProperty("profile").GetProperty("homeGridId").GetString()!;
        var centerId = (await operatorClient.GetJsonAsync($"/api/v1/grids/{grid}")).GetProperty("centerId").GetString()!;
        var roster = await operatorClient.GetJsonAsync($"/api/v1/grids/{grid}/roster");
        var people = roster.EnumerateArray().Select(m => m.GetProperty("person").GetProperty("id").GetString()!).Where(p => p != "v-00017").ToList();
        return (centerId, "v-00017", people[0], people[1]);
    }

    private static async Task<string> OpenAsync(HttpClient staff, string centerId)
    {
        var opened = await PostAsync(staff, "/api/v1/help-requests", new { centerId, function = "careAssistance", description = "独居老人需要陪同就医" }, HttpStatusCode.Created);
        return opened.GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body, HttpStatusCode expected)
    {
        var response = await client.PostAsJsonAsync(path, body).WaitAsync(GovernanceWebFactory.Deadline);
        Assert.True(response.StatusCode == expected, $"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>().WaitAsync(GovernanceWebFactory.Deadline);
    }
}
