using System.Net;
using System.Reflection;
using Lianxin.Hosting.Operations;
using Lianxin.TestSupport;
using Lianxin.WebHost.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;

namespace Lianxin.WebHost.Tests.Operations;

/// <summary>Orleans' dashboard on the web host: operators only, and never the actors' stored state.</summary>
[Trait("Needs", "PostgreSQL")]
public sealed class ClusterDashboardTests(OperationsHost host) : IClassFixture<OperationsHost>
{
    [Fact]
    public async Task AnonymousCallersAndOtherRolesAreRefusedAndOperatorsSeeTheCluster()
    {
        var anonymous = await host.Host.CreateClient().GetAsync("/cluster/ClusterStats");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        foreach (var role in new[] { Role.Staff, Role.Auditor, Role.GridLead, Role.Volunteer })
        {
            var refused = await host.ClientAs(role, "somewhere").GetAsync("/cluster/ClusterStats");
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{role}: {(int)refused.StatusCode}");
        }

        var operatorClient = host.ClientAs(Role.Operator, "ld");
        var stats = await operatorClient.GetAsync("/cluster/DashboardCounters");
        Assert.Equal(HttpStatusCode.OK, stats.StatusCode);
        Assert.Contains("\"hosts\"", await stats.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        var page = await operatorClient.GetAsync("/cluster/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheGrainStateViewerIsRefusedEvenToOperators()
    {
        var response = await host.ClientAs(Role.Operator, "ld").GetAsync("/cluster/GrainState?grainType=VolunteerGrain&grainId=v-00001");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>
    /// The dashboard's meter reader is read by reflection because its interval is internal to the dashboard: when a new
    /// dashboard moves it, this fails, and the host samples the cluster every second again until the setting follows.
    /// </summary>
    [Fact]
    public void TheDashboardSamplesTheClusterEveryFiveSecondsNotEverySecond()
    {
        var dashboardHost = typeof(DashboardOptions).Assembly.GetType("Orleans.Dashboard.DashboardHost", throwOnError: true)!;
        var reader = host.Host.Services.GetRequiredService(dashboardHost);

        var interval = dashboardHost.GetProperty("ExportIntervalMilliseconds", BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(reader);

        Assert.Equal((int)ClusterOperations.DashboardSampling.TotalMilliseconds, interval);
        Assert.Equal(5000, host.Host.Services.GetRequiredService<IOptions<DashboardOptions>>().Value.CounterUpdateIntervalMs);
    }

    /// <summary>
    /// The dashboard's call filter stands behind one of the product's, which hands it a call only while its profiler is
    /// on: an operator who opens the dashboard sees the actors' methods, and a cluster nobody watches pays nothing for them.
    /// </summary>
    [Fact]
    public async Task AnOperatorWatchingTheDashboardSeesTheActorsMethods()
    {
        var filters = host.Host.Services.GetServices<IIncomingGrainCallFilter>().ToList();
        Assert.Contains(filters, f => f is ProfiledWhileWatched);
        Assert.DoesNotContain(filters, f => f.GetType().FullName == "Orleans.Dashboard.Implementation.GrainProfilerFilter");

        var operatorClient = host.ClientAs(Role.Operator, "ld");
        var methods = await Eventually.HoldsAsync(
            async () =>
            {
                // Watching turns the profiler on; the calls made while it is on are counted for the next sample.
                (await operatorClient.GetAsync("/cluster/DashboardCounters")).EnsureSuccessStatusCode();
                await operatorClient.GetAsync("/api/v1/centers/ld");
                return await operatorClient.GetStringAsync("/cluster/TopGrainMethods");
            },
            json => json.Contains("Lianxin.", StringComparison.Ordinal), what: "the product's actors among the dashboard's methods");

        Assert.Contains("\"calls\"", methods, StringComparison.OrdinalIgnoreCase);
    }
}
