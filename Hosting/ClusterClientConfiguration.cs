using Lianxin.Hosting.Operations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Lianxin.Hosting;

/// <summary>
/// A web host as a client of an external cluster (<c>Cluster:Mode=Client</c>): it finds the gateways in the
/// PostgreSQL membership table (<c>Cluster:Clustering=AdoNet</c>) or on this machine's gateway port.
/// </summary>
public static class ClusterClientConfiguration
{
    public static IHostApplicationBuilder AddLianxinClusterClient(this IHostApplicationBuilder builder)
    {
        var options = SiloConfiguration.ReadOptions(builder.Configuration);
        builder.UseOrleansClient(client =>
        {
            RememberedGrainInterfaceTypes.Register(client.Services);
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = options.ClusterId;
                o.ServiceId = options.ServiceId;
            });
            // How often the client re-reads the gateway list (Cluster:Gateway:GatewayListRefreshPeriod, …).
            client.Configure<GatewayOptions>(builder.Configuration.GetSection($"{LianxinClusterOptions.Section}:Gateway"));
            // How long a call waits for its answer (Cluster:Messaging:ResponseTimeout): a request whose actor's silo died
            // mid-call fails after it, and the caller may retry.
            client.Configure<ClientMessagingOptions>(builder.Configuration.GetSection($"{LianxinClusterOptions.Section}:Messaging"));
            client.AddLianxinOperations(builder.Configuration);
            if (options.UsesAdoNetClustering)
            {
                client.UseAdoNetClustering(o =>
                {
                    o.Invariant = SiloConfiguration.PostgresInvariant;
                    o.ConnectionString = SiloConfiguration.RequireConnectionString(builder.Configuration, "AdoNet clustering");
                });
            }
            else
            {
                client.UseLocalhostClustering(options.GatewayPort, options.ServiceId, options.ClusterId);
            }
        });
        return builder;
    }
}
