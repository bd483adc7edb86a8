using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Lianxin.WebHost.Security;
using Lianxin.WebHost.Tests.Registry;
using Microsoft.IdentityModel.Tokens;

namespace Lianxin.WebHost.Tests.Security;

public sealed class AuthorizationTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>, IAsyncLifetime
{
    private readonly string _district = $"d{Guid.NewGuid():N}"[..12];

    private string Id(string name) => $"{_district}-{name}";

    private HttpClient As(Role role, string scope) => fixture.Host.ClientAs(role, scope);

    /// <summary>A district with two communities, a grid in each, and a person in each grid.</summary>
    public async Task InitializeAsync()
    {
        var op = As(Role.Operator, _district);
        (await op.PostAsJsonAsync("/api/v1/centers", Requests.Center(_district, "district", null))).EnsureSuccessStatusCode();
        foreach (var c in new[] { "a", "b" })
        {
            (await op.PostAsJsonAsync("/api/v1/centers", Requests.Center(Id(c), "community", _district))).EnsureSuccessStatusCode();
            (await op.PostAsJsonAsync("/api/v1/grids", Requests.Grid(Id($"{c}-g"), Id(c)))).EnsureSuccessStatusCode();
            (await op.PostAsJsonAsync("/api/v1/volunteers", Requests.Volunteer(Id($"{c}-v"), Id($"{c}-g")))).EnsureSuccessStatusCode();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task RequestsWithoutATokenAreUnauthorized()
    {
        var anonymous = fixture.Host.CreateClient();

        await ProblemAssert.IsProblemAsync(await anonymous.GetAsync($"/api/v1/centers/{_district}"), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(await anonymous.PostAsJsonAsync("/api/v1/centers", Requests.Center(Id("x"), "community", _district)), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(await anonymous.GetAsync($"/api/v1/volunteers/{Id("a-v")}"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TokenSignedWithAnotherKeyIsUnauthorized()
    {
        var forged = new TokenIssuer(new AuthOptions(), new SymmetricSecurityKey(new byte[32])).Issue(new Caller("x", Role.Operator, _district));
        var client = fixture.Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forged.Token);

        await ProblemAssert.IsProblemAsync(await client.GetAsync($"/api/v1/centers/{_district}"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task StaffOfOneCenterCannotReadOrChangeAnother()
    {
        var staffA = As(Role.Staff, Id("a"));

        Assert.Equal(HttpStatusCode.OK, (await staffA.GetAsync($"/api/v1/centers/{Id("a")}")).StatusCode);
        await ProblemAssert.IsProblemAsync(await staffA.GetAsync($"/api/v1/centers/{Id("b")}"), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await staffA.GetAsync($"/api/v1/volunteers/{Id("b-v")}"), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(
            await staffA.PostAsJsonAsync("/api/v1/grids", Requests.Grid(Id("b-g2"), Id("b"))), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NotFound, (await As(Role.Operator, _district).GetAsync($"/api/v1/grids/{Id("b-g2")}")).StatusCode);
    }

    [Fact]
    public async Task AuditorReadsItsRegionButWritesNothing()
    {
        var auditor = As(Role.Auditor, _district);

        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/api/v1/centers/{Id("b")}")).StatusCode);
        await ProblemAssert.IsProblemAsync(
            await auditor.PutAsJsonAsync($"/api/v1/centers/{Id("b")}", Requests.Center(Id("b"), "community", _district, area: 1)), HttpStatusCode.Forbidden);
        var unchanged = await auditor.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/centers/{Id("b")}");
        Assert.Equal(1200, unchanged.GetProperty("profile").GetProperty("floorAreaSqm").GetDouble());
    }

    [Fact]
    public async Task OperatorOfAnotherDistrictIsForbidden()
    {
        var stranger = As(Role.Operator, "some-other-district");

        await ProblemAssert.IsProblemAsync(await stranger.GetAsync($"/api/v1/centers/{_district}"), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(
            await stranger.PostAsJsonAsync("/api/v1/centers", Requests.Center(Id("c"), "community", _district)), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task GridLeadSeesOwnGridAndVolunteerSeesOnlyThemselves()
    {
        var lead = As(Role.GridLead, Id("a-g"));
        var volunteer = As(Role.Volunteer, Id("a-v"));

        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync($"/api/v1/grids/{Id("a-g")}/roster")).StatusCode);
        await ProblemAssert.IsProblemAsync(await lead.GetAsync($"/api/v1/grids/{Id("b-g")}"), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(
            await lead.PostAsJsonAsync("/api/v1/volunteers", Requests.Volunteer(Id("a-v2"), Id("a-g"))), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await volunteer.GetAsync($"/api/v1/volunteers/{Id("a-v")}")).StatusCode);
        await ProblemAssert.IsProblemAsync(await volunteer.GetAsync($"/api/v1/volunteers/{Id("b-v")}"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task OnlyTheOperatorWhoseRegionItIsCreatesARootCenter()
    {
        var other = $"r{Guid.NewGuid():N}"[..12];

        var refused = await As(Role.Operator, _district).PostAsJsonAsync("/api/v1/centers", Requests.Center(other, "district", null));
        var staffRefused = await As(Role.Staff, other).PostAsJsonAsync("/api/v1/centers", Requests.Center(other, "district", null));
        var created = await As(Role.Operator, other).PostAsJsonAsync("/api/v1/centers", Requests.Center(other, "district", null));

        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(staffRefused, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }
}
