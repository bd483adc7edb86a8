using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.TestSupport;
using Lianxin.WebHost.Security;
using Xunit;

namespace Lianxin.WebHost.Tests.Live;

[Collection(LiveHostCollection.Name)]
[Trait("Needs", "PostgreSQL")]
public sealed class RegionMapApiTests(LiveHostFixture fixture)
{
    private LianxinWebFactory Host => fixture.Host;

    [Fact]
    public async Task RegionMapHasEveryCenterAsAPointAndEveryGridAsItsBoundary()
    {
        var data = await LiveData.CreateAsync(Host.Grains);
        using var client = ClientFor(Role.Operator, data.District);

        var map = await client.GetFromJsonAsync<JsonElement>($"/api/v1/centers/{data.District}/map");

        Assert.Equal("FeatureCollection", map.GetProperty("type").GetString());
        var features = map.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(
            new[] { data.Community, data.District, data.Grid, data.Street },
            features.Select(f => f.GetProperty("id").GetString()).Order());
        var grid = features.Single(f => f.GetProperty("id").GetString() == data.Grid);
        Assert.Equal("Polygon", grid.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal(data.Community, grid.GetProperty("properties").GetProperty("centerId").GetString());
        var center = features.Single(f => f.GetProperty("id").GetString() == data.Community);
        Assert.Equal([121.105, 27.705], center.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()));
    }

    [Fact]
    public async Task RegionMapOutsideTheCallersScopeIsForbiddenAndAnUnknownOneNotFound()
    {
        var data = await LiveData.CreateAsync(Host.Grains);
        var other = await LiveData.CreateAsync(Host.Grains);
        using var client = ClientFor(Role.Operator, other.District);

        var forbidden = await client.GetAsync($"/api/v1/centers/{data.District}/map");
        var missing = await client.GetAsync("/api/v1/centers/no-such-center/map");

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    private HttpClient ClientFor(Role role, string scope)
    {
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Host.TokenFor(role, scope));
        return client;
    }
}
