using Lianxin.TestSupport;

namespace Lianxin.Cluster.Tests;

/// <summary>One test cluster's settings: a fresh database, membership in PostgreSQL, fast failure detection.</summary>
public sealed record ClusterSettings(string ConnectionString, string ClusterId)
{
    public static async Task<ClusterSettings> CreateAsync() =>
        new(await TestDatabase.CreateAsync(), $"c{Guid.NewGuid():N}"[..12]);

    private Dictionary<string, string> Common => new()
    {
        ["ConnectionStrings:Lianxin"] = ConnectionString,
        ["Cluster:Clustering"] = "AdoNet",
        ["Cluster:ClusterId"] = ClusterId,
        ["Cluster:ServiceId"] = LianxinWebFactory.ServiceId,
        ["Database:MigrateOnStart"] = "false",
    };

    /// <summary>Silos declare a silo dead after about 3 s of silence instead of the production ~30 s.</summary>
    public IReadOnlyDictionary<string, string> SiloSettings => new Dictionary<string, string>(Common)
    {
        ["Cluster:Membership:ProbeTimeout"] = "00:00:01",
        ["Cluster:Membership:NumMissedProbesLimit"] = "2",
        ["Cluster:Membership:IAmAliveTablePublishTimeout"] = "00:00:02",
        ["Cluster:Membership:TableRefreshTimeout"] = "00:00:02",
    };

    /// <summary>
    /// Web hosts as clients: they refresh the gateway list every second, and renew their live-feed subscriptions every
    /// second (production: 30 s), so a feed that moved to another silo is found again quickly.
    /// </summary>
    public IReadOnlyDictionary<string, string> WebHostSettings => new Dictionary<string, string>(Common)
    {
        ["Cluster:Mode"] = "Client",
        ["Cluster:Gateway:GatewayListRefreshPeriod"] = "00:00:01",
        ["Live:RenewInterval"] = "00:00:01",
    };
}
