using Microsoft.Extensions.Configuration;

namespace Lianxin.Silo.Hosting.Operations;

/// <summary>Mutual TLS between silos and between clients and silos (<c>Cluster:Tls:*</c>); off unless configured.</summary>
internal static class ClusterTls
{
    public static void Apply(ISiloBuilder silo, IConfiguration configuration)
    {
    }

    public static void Apply(IClientBuilder client, IConfiguration configuration)
    {
    }
}
