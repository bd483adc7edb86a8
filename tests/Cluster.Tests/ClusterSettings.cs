using Lianxin.TestSupport;
using Npgsql;

namespace Lianxin.Cluster.Tests;

/// <summary>One test cluster's settings: a fresh database, membership in PostgreSQL, fast failure detection.</summary>
public sealed record ClusterSettings(string ConnectionString, string ClusterId)
{
    /// <summary>
    /// Every silo holds a few connection pools (grain storage, journal, audit); four silos at once during a rolling
    /// restart, plus the web hosts, must stay within one test server's connections.
    /// </summary>
    private const int MaxPoolSize = 20;

    public static async Task<ClusterSettings> CreateAsync() =>
        new(new NpgsqlConnectionStringBuilder(await TestDatabase.CreateAsync()) { MaxPoolSize = MaxPoolSize }.ConnectionString, $"c{Guid.NewGuid():N}"[..12]);

    private Dictionary<string, string> Common => new()
    {
        ["ConnectionStrings:Lianxin"] = ConnectionString,
        ["Cluster:Clustering"] = "AdoNet",
        ["Cluster:ClusterId"] = ClusterId,
        ["Cluster:ServiceId"] = LianxinWebFactory.ServiceId,
        ["Database:MigrateOnStart"] = "false",

        // A call to an actor whose silo was killed mid-call fails after 10 s instead of 30 s, and is re-sent.
        ["Cluster:Messaging:ResponseTimeout"] = "00:00:10",
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
