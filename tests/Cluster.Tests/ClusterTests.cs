using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.TestSupport;
using Lianxin.WebHost.Security;
using Xunit.Abstractions;

namespace Lianxin.Cluster.Tests;

/// <summary>Three silo processes and two web hosts, all on one PostgreSQL database, as on Kubernetes.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterTests(ClusterFixture cluster, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<SiloProcess> _silos = [];
    private LianxinWebFactory _webA = null!;
    private LianxinWebFactory _webB = null!;

    public async Task InitializeAsync()
    {
        await cluster.EnsureFullAsync();
        _silos.AddRange(cluster.Silos);
        (_webA, _webB) = (cluster.WebA, cluster.WebB);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public Task WhatOneWebHostWritesTheOtherReads() => cluster.ReportingAsync(output, async () =>
    {
        var writer = _webA.ClientAs(Role.Operator, "cl");
        var reader = _webB.ClientAs(Role.Operator, "cl");

        (await writer.PostAsJsonAsync("/api/v1/centers", Center("cl", "district", null))).EnsureSuccessStatusCode();
        (await writer.PostAsJsonAsync("/api/v1/centers", Center("cl-c1", "community", "cl"))).EnsureSuccessStatusCode();

        var district = await reader.GetFromJsonAsync<JsonElement>("/api/v1/centers/cl");
        Assert.Equal(["cl-c1"], district.GetProperty("childIds").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(HttpStatusCode.OK, (await _webB.CreateClient().GetAsync("/health/ready")).StatusCode);
    });

    [Fact]
    public Task SiloKilledMidWritesLosesNothingThatWasAcknowledged() => cluster.ReportingAsync(output, async () =>
    {
        var writer = _webA.ClientAs(Role.Operator, "kl");
        (await writer.PostAsJsonAsync("/api/v1/centers", Center("kl", "district", null))).EnsureSuccessStatusCode();
        var acknowledged = new List<string>();

        // Centers spread over the silos; one silo dies a third of the way through.
        for (var i = 0; acknowledged.Count < 60; i++)
        {
            if (acknowledged.Count == 20 && !_silos[1].HasExited)
            {
                await _silos[1].KillAsync();
            }

            var id = $"kl-c{i:D3}";
            var response = await PostWithinAsync(writer, Center(id, "community", "kl"));
            if (response?.StatusCode == HttpStatusCode.Created)
            {
                acknowledged.Add(id);
            }
        }

        var reader = _webB.ClientAs(Role.Operator, "kl");
        foreach (var id in acknowledged)
        {
            var center = await Eventually.HoldsAsync(
                () => reader.GetAsync($"/api/v1/centers/{id}"), r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(60), id);
            Assert.Equal(HttpStatusCode.OK, center.StatusCode);
        }
    });

    /// <summary>A request that may fail while the cluster notices a dead silo: a failure is simply not acknowledged.</summary>
    private static async Task<HttpResponseMessage?> PostWithinAsync(HttpClient client, object body)
    {
        try
        {
            return await client.PostAsJsonAsync("/api/v1/centers", body).WaitAsync(TimeSpan.FromSeconds(40));
        }
        catch (Exception e) when (e is TimeoutException or HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    private static object Center(string id, string level, string? parentId) => new
    {
        id,
        name = $"{id}党群服务中心",
        level,
        parentId,
        location = new { latitude = 27.7, longitude = 121.1 },
        floorAreaSqm = 800,
        openingHours = new { opens = "08:30", closes = "20:30" },
        staff = Array.Empty<object>(),
        functions = new[] { "partyBuilding" },
    };
}
