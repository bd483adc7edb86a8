using Lianxin.TestSupport;
using Lianxin.WebHost.Demo;
using Lianxin.WebHost.Governance;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Lianxin.WebHost.Tests.Governance;

/// <summary>
/// The governance API tests' shared host: <see cref="LianxinWebFactory"/> on a fresh PostgreSQL database with the demo
/// district loaded (with its residential points) and no simulated kiosk traffic, so the rating evidence of the demo
/// centers stays what the tests themselves create.
/// </summary>
public sealed class GovernanceWebFactory() : LianxinWebFactory(demo: true, settings: new Dictionary<string, string>
{
    ["Cluster:ServiceId"] = $"governance-web-{Guid.NewGuid():N}",
    ["Demo:Simulate"] = "false",
}), IAsyncLifetime
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    public async Task InitializeAsync()
    {
        ConnectionString = await TestDatabase.CreateAsync().WaitAsync(Deadline);
        await Services.GetRequiredService<DemoDistrictLoader>().Loaded.WaitAsync(Deadline);
        await Services.GetRequiredService<ResidentialPointsDemoLoader>().Loaded.WaitAsync(Deadline);
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}

[CollectionDefinition(Name)]
public sealed class GovernanceWebCollection : ICollectionFixture<GovernanceWebFactory>
{
    public const string Name = "governance-web";
}
