using System.Net;
using System.Net.Http.Json;
using Lianxin.WebHost.Security;
using Lianxin.WebHost.Tests.Registry;

namespace Lianxin.WebHost.Tests.Security;

/// <summary>
/// What the authorization matrix (<see cref="AuthorizationMatrixTests"/>) does not show: who may create a district from
/// nothing. Every refusal of every endpoint is in the matrix.
/// </summary>
[Trait("Needs", "PostgreSQL")]
public sealed class AuthorizationTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>
{
    [Fact]
    public async Task OnlyTheOperatorWhoseRegionItIsCreatesARootCenter()
    {
        var other = $"r{Guid.NewGuid():N}"[..12];

        var refused = await fixture.Host.ClientAs(Role.Operator, $"d{Guid.NewGuid():N}"[..12]).PostAsJsonAsync("/api/v1/centers", Requests.Center(other, "district", null));
        var staffRefused = await fixture.Host.ClientAs(Role.Staff, other).PostAsJsonAsync("/api/v1/centers", Requests.Center(other, "district", null));
        var created = await fixture.Host.ClientAs(Role.Operator, other).PostAsJsonAsync("/api/v1/centers", Requests.Center(other, "district", null));

        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(staffRefused, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }
}
