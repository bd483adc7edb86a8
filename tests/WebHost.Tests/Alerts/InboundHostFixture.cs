using Lianxin.TestSupport;

namespace Lianxin.WebHost.Tests.Alerts;

/// <summary>A web host with one configured warning source, the weather bureau, shared by the inbound-warning tests.</summary>
public sealed class InboundHostFixture : IAsyncLifetime
{
    public const string BureauKey = "bureau-key-0123456789abcdef";

    public LianxinWebFactory Host { get; } = new(settings: new Dictionary<string, string>
    {
        ["Alerts:Inbound:Sources:0:Id"] = "bureau",
        ["Alerts:Inbound:Sources:0:Name"] = "气象台",
        ["Alerts:Inbound:Sources:0:Key"] = BureauKey,
        ["Alerts:Inbound:Sources:0:Senders:0"] = "bureau@weather.example",
    });

    public Task InitializeAsync()
    {
        _ = Host.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
