using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Lianxin.Bench.Harness;

/// <summary>
/// An Orleans client on a product host's gateway, for what only the cluster can tell or do: how many activations of
/// each grain class exist, and a full garbage collection before memory is read (Orleans' management grain).
/// </summary>
internal sealed class ManagementClient : IAsyncDisposable
{
    private readonly IHost _host;

    private ManagementClient(IHost host) => _host = host;

    private IManagementGrain Management => _host.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0);

    public static async Task<ManagementClient> ConnectAsync(int gatewayPort, string serviceId)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client => client.UseLocalhostClustering(gatewayPort, serviceId, serviceId));
        var host = builder.Build();
        await host.StartAsync();
        return new ManagementClient(host);
    }

    /// <summary>Activations per grain class, summed over silos (class names without namespace or assembly).</summary>
    public async Task<IReadOnlyDictionary<string, int>> ActivationsAsync()
    {
        var statistics = await Management.GetSimpleGrainStatistics();
        return statistics
            .GroupBy(s => ClassName(s.GrainType))
            .ToDictionary(g => g.Key, g => g.Sum(s => s.ActivationCount));
    }

    /// <summary>"Lianxin.Volunteers.VolunteerGrain,Lianxin.Grains" → "VolunteerGrain".</summary>
    private static string ClassName(string grainType)
    {
        var type = grainType.Split(',')[0];
        return type[(type.LastIndexOf('.') + 1)..];
    }

    public async Task CollectGarbageAsync()
    {
        var hosts = await Management.GetHosts(onlyActive: true);
        await Management.ForceGarbageCollection([.. hosts.Keys]);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
