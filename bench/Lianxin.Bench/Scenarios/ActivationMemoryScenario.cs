using System.Diagnostics;
using Lianxin.Bench.Ceilings;
using Lianxin.Bench.Harness;

namespace Lianxin.Bench.Scenarios;

/// <summary>
/// (4) Memory per volunteer activation: a cold web host on the benchmark district; every person is read once through
/// the API (<c>GET /api/v1/volunteers/{id}</c>, which activates the person's actor); working set before and after,
/// each after a full GC the cluster's management grain forces.
/// </summary>
internal sealed class ActivationMemoryScenario : IScenario
{
    /// <summary>People read before the "before" reading, so JIT and connection pools are not counted as actors.</summary>
    private const int WarmupPeople = 100;

    public string Name => "memory";

    public async Task RunAsync(BenchContext context)
    {
        var population = await context.PopulationAsync();
        var people = population.District.Volunteers;
        await using var host = ProductHost.Start(context, "webhost-memory", population.ConnectionString);
        await host.WaitReadyAsync(context.Sizes.Patience);
        await using var management = await ManagementClient.ConnectAsync(host.GatewayPort, ProductHost.ServiceId);
        using var client = HttpLoad.CreateClient(host.Address, context.Sizes.HttpConnections);
        client.DefaultRequestHeaders.Authorization = new("Bearer", DevToken.Issue("operator", population.District.RootCenterId));

        var warm = Math.Min(WarmupPeople, people / 10);
        await ReadPeopleAsync(client, 0, warm, context.Sizes.HttpConnections);
        var (before, activationsBefore) = await MeasureAsync(host, management);
        var started = Stopwatch.GetTimestamp();
        await ReadPeopleAsync(client, warm, people, context.Sizes.HttpConnections);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var (after, activationsAfter) = await MeasureAsync(host, management);

        var volunteers = VolunteerActivations(activationsAfter) - VolunteerActivations(activationsBefore);
        var others = activationsAfter.Values.Sum() - activationsBefore.Values.Sum() - volunteers;
        var perActivation = (after - before) / Math.Max(1, volunteers) / 1024.0;
        context.Results.Product(
            "product.memory_per_volunteer", $"(4) Working set per volunteer actor, {volunteers:N0} active", perActivation, "KiB",
            [(ActivationMemoryCeiling.Id, "× an idle 200-byte activation", (v, c) => v / c)],
            Target.AtMost(10, "KiB"),
            $"working set {Results.Number(before / 1048576.0)} → {Results.Number(after / 1048576.0)} MiB after forced full GCs; "
            + $"{others:N0} other activations (grids, centers) counted in the difference");
        context.Results.Detail("product.memory_working_set_before", "(4) Working set before activating people", before / 1048576.0, "MiB");
        context.Results.Detail("product.memory_working_set_after", $"(4) Working set with {volunteers:N0} volunteer actors active", after / 1048576.0, "MiB");
        context.Results.Detail("product.activation_rate", "(4) People read (and activated) through the API", (people - warm) / elapsed.TotalSeconds, "req/s");
    }

    private static int VolunteerActivations(IReadOnlyDictionary<string, int> activations) =>
        activations.Where(a => a.Key.Contains("volunteer", StringComparison.OrdinalIgnoreCase)).Sum(a => a.Value);

    private static async Task ReadPeopleAsync(HttpClient client, int from, int to, int connections)
    {
        var next = from - 1;
        var failures = 0;
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < to)
            {
                if (!await HttpLoad.SendAsync(client, new HttpRequestMessage(HttpMethod.Get, $"/api/v1/volunteers/{BenchDistrict.VolunteerId(i)}")))
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        if (failures > 0)
        {
            throw new InvalidOperationException($"{failures} of {to - from} people could not be read.");
        }
    }

    private static async Task<(long WorkingSet, IReadOnlyDictionary<string, int> Activations)> MeasureAsync(ProductHost host, ManagementClient management)
    {
        await management.CollectGarbageAsync();
        // Let the collection's freed pages go back and the background work settle before reading.
        await Task.Delay(TimeSpan.FromSeconds(2));
        return (host.Process.WorkingSetBytes(), await management.ActivationsAsync());
    }
}
