using System.Net;
using Lianxin.Silo.Hosting;
using Orleans.Configuration;

namespace Lianxin.WebHost.Hosting;

/// <summary>
/// How the web host reaches the grains: by default it hosts a silo itself (one process does everything);
/// with <c>Cluster:Mode=Client</c> it is a client of silos that run elsewhere (the standalone silo host), reaching
/// them through the membership table (<c>Cluster:Clustering=AdoNet</c>), a gateway list (<c>Cluster:Gateways</c>,
/// "host:port" entries), or the local gateway port.
/// </summary>
public static class ClusterConfiguration
{
    public static bool IsClientMode(IConfiguration configuration) =>
        string.Equals(configuration["Cluster:Mode"], "Client", StringComparison.OrdinalIgnoreCase);

    public static WebApplicationBuilder AddLianxinCluster(this WebApplicationBuilder builder)
    {
        if (!IsClientMode(builder.Configuration))
        {
            builder.AddLianxinSilo();
            return builder;
        }

        var options = builder.Configuration.GetSection(LianxinSiloOptions.Section).Get<LianxinSiloOptions>() ?? new();
        var gateways = builder.Configuration.GetSection("Cluster:Gateways").Get<string[]>() ?? [];
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = options.ClusterId;
                o.ServiceId = options.ServiceId;
            });
            if (options.UsesAdoNetClustering)
            {
                client.UseAdoNetClustering(o =>
                {
                    o.Invariant = SiloConfiguration.PostgresInvariant;
                    o.ConnectionString = builder.Configuration.GetConnectionString(SiloConfiguration.ConnectionStringName)
                        ?? throw new InvalidOperationException("AdoNet clustering needs ConnectionStrings:Lianxin.");
                });
            }
            else if (gateways.Length > 0)
            {
                client.UseStaticClustering([.. gateways.Select(g => IPEndPoint.Parse(g))]);
            }
            else
            {
                client.UseLocalhostClustering(options.GatewayPort, options.ServiceId, options.ClusterId);
            }
        });
        return builder;
    }
}
