using System.Net;
using System.Net.Http.Json;
using Lianxin.Common;
using Lianxin.HelpRequests;
using Lianxin.WebHost.Security;
using Lianxin.WebHost.Tests.Registry;

namespace Lianxin.WebHost.Tests.Security;

/// <summary>Stored lists have caps with clear 400s, and a help request shows a kiosk's person number masked.</summary>
public sealed class StoredListCapTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>
{
    private readonly string _district = $"d{Guid.NewGuid():N}"[..12];

    [Fact]
    public async Task AGridBoundaryWithTooManyVerticesAndACenterWithTooManyStaffAreBadRequests()
    {
        using var client = fixture.Host.ClientAs(Role.Operator, _district);
        (await client.PostAsJsonAsync("/api/v1/centers", Requests.Center(_district, "district", null))).EnsureSuccessStatusCode();
        var ring = Enumerable.Range(0, 2000).Select(i => new[] { 121.1 + (0.01 * Math.Cos(i * Math.Tau / 2000)), 27.7 + (0.01 * Math.Sin(i * Math.Tau / 2000)) })
            .Append([121.11, 27.7]).ToArray();
        var staff = Enumerable.Range(0, 201).Select(i => new { name = $"员工{i}", role = "operationsStaff", isPartyMember = false, trainingDays = 1 }).ToArray();
        var center = Requests.Center($"{_district}-c1", "community", _district);

        var grid = await client.PostAsJsonAsync("/api/v1/grids", Requests.Grid($"{_district}-g1", _district, ring));
        var crowded = await client.PostAsJsonAsync("/api/v1/centers", WithStaff(center, staff));
        var missing = await client.GetAsync($"/api/v1/grids/{_district}-g1");

        await ProblemAssert.HasFieldErrorAsync(grid, "boundary");
        await ProblemAssert.HasFieldErrorAsync(crowded, "staff");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task AHelpRequestShowsTheKiosksPersonNumberMasked()
    {
        using var client = fixture.Host.ClientAs(Role.Operator, _district);
        (await client.PostAsJsonAsync("/api/v1/centers", Requests.Center(_district, "district", null))).EnsureSuccessStatusCode();
        var id = $"hr-{Guid.NewGuid():N}";
        await fixture.Host.Grains.GetGrain<IHelpRequestGrain>(id).OpenAsync(new HelpRequestTicket(
            id, _district, BasicFunction.CareAssistance, "门锁坏了", "110101199003071234", "k-1", Guid.NewGuid(), DateTimeOffset.UtcNow, HelpRequestState.Open, null));

        var ticket = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/help-requests/{id}");

        Assert.Equal("110***********1234", ticket.GetProperty("personId").GetString());
    }

    private static Dictionary<string, object?> WithStaff(object center, object staff)
    {
        var fields = center.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(center));
        fields["staff"] = staff;
        return fields;
    }
}
