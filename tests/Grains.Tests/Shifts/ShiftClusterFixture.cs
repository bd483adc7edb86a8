using Lianxin.Common;
using Lianxin.Hosting;
using Lianxin.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Logging;
using Orleans.TestingHost;

namespace Lianxin.Grains.Tests.Shifts;

/// <summary>
/// A one-silo cluster on a fresh PostgreSQL database whose centers' clock the tests set (Orleans' own clock runs on), so a
/// rota's time-based steps are taken at the moments a test names. The service id is fixed across restarts. Its SMS
/// gateway is a stub on a loopback port (no retries, no breaker: each attempt is one request the test sees), and
/// every line the silo logs is kept.
/// </summary>
public sealed class ShiftClusterFixture : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly string _serviceId = $"shifts-{Guid.NewGuid():N}";
    private string _connectionString = "";

    /// <summary>The centers' clock: still until a test sets it (forward only).</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public SmsGatewayStub Sms { get; } = new();

    public KeptLogs Logs { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        _connectionString = await TestDatabase.CreateAsync().WaitAsync(Deadline);
        Cluster = await StartAsync();
    }

    /// <summary>Stops the silo and starts a new cluster on the same database: only persisted state survives.</summary>
    public async Task RestartAsync()
    {
        await Cluster.StopAllSilosAsync().WaitAsync(Deadline);
        await Cluster.DisposeAsync();
        Cluster = await StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync().WaitAsync(Deadline);
        await Cluster.DisposeAsync();
        await Sms.DisposeAsync();
    }

    private async Task<InProcessTestCluster> StartAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"ConnectionStrings:{SiloConfiguration.ConnectionStringName}"] = _connectionString,
                ["Emergencies:Gateways:0:Name"] = "sms-stub",
                ["Emergencies:Gateways:0:Channel"] = "Sms",
                ["Emergencies:Gateways:0:Url"] = Sms.Url,
                ["Emergencies:Gateways:0:Retries"] = "0",
                ["Emergencies:Gateways:0:BreakerMinimumAttempts"] = "100000",
                // A held request must outlast the test's hold, however slow the machine.
                ["Emergencies:Gateways:0:Timeout"] = "00:05:00",
            })
            .Build();
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ServiceId = _serviceId;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddKeyedSingleton<TimeProvider>(CentersClock.Key, Clock);
            silo.Services.AddSingleton<ILoggerProvider>(Logs);
            silo.AddLianxinGrainServices(configuration);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync().WaitAsync(Deadline);
        return cluster;
    }
}
