using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.TestSupport;
using Lianxin.WebHost.Security;

namespace Lianxin.WebHost.Tests.Listings;

/// <summary>One web host on a fresh PostgreSQL database, shared by the list and public-page tests; each test builds its own district.</summary>
public sealed class ListingHost : IAsyncLifetime
{
    public const string Name = "listing host";

    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public LianxinWebFactory Host { get; private set; } = null!;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        ConnectionString = await TestDatabase.CreateAsync();
        Host = new LianxinWebFactory(ConnectionString);
        _ = Host.Server;
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    public HttpClient As(Role role, string scope) => Host.ClientAs(role, scope);

    public HttpClient Anonymous() => Host.CreateClient();

    /// <summary>A district with two streets, a community under each, a grid in each community and a person on each grid.</summary>
    public async Task<TestDistrict> DistrictAsync(string prefix)
    {
        var d = new TestDistrict(prefix);
        var op = As(Role.Operator, d.Root);
        await PostAsync(op, "/api/v1/centers", Center(d.Root, "district", null));
        await PostAsync(op, "/api/v1/centers", Center(d.S1, "street", d.Root));
        await PostAsync(op, "/api/v1/centers", Center(d.S2, "street", d.Root));
        await PostAsync(op, "/api/v1/centers", Center(d.C1, "community", d.S1, functions: ["partyBuilding", "careAssistance"]));
        await PostAsync(op, "/api/v1/centers", Center(d.C2, "community", d.S2, functions: ["volunteerService"]));
        await PostAsync(op, "/api/v1/grids", Registry.Requests.Grid(d.G1, d.C1));
        await PostAsync(op, "/api/v1/grids", Registry.Requests.Grid(d.G2, d.C2));
        await PostAsync(op, "/api/v1/volunteers", Registry.Requests.Volunteer(d.P1, d.G1));
        await PostAsync(op, "/api/v1/volunteers", Registry.Requests.Volunteer(d.P2, d.G2) is var p2 ? WithSkills(p2, "swimming") : null);
        return d;
    }

    public static object Center(
        string id, string level, string? parentId, string[]? functions = null, double latitude = 27.7, double longitude = 121.1, int? capacity = null, string? address = null) => new
        {
            id,
            name = $"{id}党群服务中心",
            level,
            parentId,
            location = new { latitude, longitude },
            floorAreaSqm = 1200,
            households = level == "community" ? 1000 : (int?)null,
            openingHours = new { opens = "00:00", closes = "23:59" },
            selfService24h = true,
            staff = new[] { new { name = "张三丰", role = "operationsStaff", isPartyMember = true, trainingDays = 3 } },
            functions = functions ?? ["partyBuilding", "volunteerService"],
            capacity,
            address,
        };

    public static async Task<JsonElement> PostAsync(HttpClient client, string path, object? body)
    {
        var response = await client.PostAsJsonAsync(path, body).WaitAsync(Deadline);
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path).WaitAsync(Deadline);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Every page of a list, following <c>next</c>: the ids in order.</summary>
    public static async Task<List<string>> AllIdsAsync(HttpClient client, string path, string? after = null)
    {
        var ids = new List<string>();
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var next = after;
        for (var pages = 0; pages < 100; pages++)
        {
            var page = await GetAsync(client, next is null ? path : $"{path}{separator}cursor={Uri.EscapeDataString(next)}");
            ids.AddRange(Ids(page));
            next = page.GetProperty("next").GetString();
            if (next is null)
            {
                return ids;
            }
        }

        throw new InvalidOperationException($"{path} did not end after 100 pages.");
    }

    public static List<string> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];

    private static object WithSkills(object volunteer, string skill) =>
        JsonSerializer.SerializeToNode(volunteer, JsonSerializerOptions.Web)!.AsObject() is var node && (node["skills"] = new System.Text.Json.Nodes.JsonArray(skill)) is not null ? node : node;
}

/// <summary>The ids of one test's district.</summary>
public sealed record TestDistrict(string Root)
{
    public string S1 => $"{Root}-s1";
    public string S2 => $"{Root}-s2";
    public string C1 => $"{Root}-s1-c1";
    public string C2 => $"{Root}-s2-c2";
    public string G1 => $"{Root}-g1";
    public string G2 => $"{Root}-g2";
    public string P1 => $"{Root}-p1";
    public string P2 => $"{Root}-p2";
}

[CollectionDefinition(ListingHost.Name)]
public sealed class ListingHostCollection : ICollectionFixture<ListingHost>;
