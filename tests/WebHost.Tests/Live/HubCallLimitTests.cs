using Lianxin.TestSupport;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Lianxin.WebHost.Tests.Live;

/// <summary>Calls over an open live-hub connection count against the caller's limit (3 an hour here), like HTTP requests.</summary>
[Trait("Needs", "PostgreSQL")]
public sealed class HubCallLimitTests : IAsyncLifetime
{
    private LianxinWebFactory _host = null!;

    public async Task InitializeAsync()
    {
        _host = new LianxinWebFactory(await TestDatabase.CreateAsync(), settings: new Dictionary<string, string>
        {
            ["Cluster:ClusterId"] = $"live-{Guid.NewGuid():N}",
            ["Limits:HubCallPermitLimit"] = "3",
            ["Limits:Window"] = "40.00:00:00", // windows are numbered from the epoch: this one never turns during a test
        });
        _ = _host.Server;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ACallerOverItsHubCallLimitIsRefusedWhileAnotherCallerIsNot()
    {
        await using var busy = await _host.ConnectAsync(_host.TokenFor(Role.Operator, "region-busy"));
        await using var calm = await _host.ConnectAsync(_host.TokenFor(Role.Operator, "region-calm"));

        for (var i = 0; i < 3; i++)
        {
            await busy.InvokeAsync("Unsubscribe", "region:elsewhere").WaitAsync(LianxinWebFactory.Timeout);
        }

        var refused = await Assert.ThrowsAsync<HubException>(() => busy.InvokeAsync("Unsubscribe", "region:elsewhere").WaitAsync(LianxinWebFactory.Timeout));
        await calm.InvokeAsync("Unsubscribe", "region:elsewhere").WaitAsync(LianxinWebFactory.Timeout);

        Assert.Contains("Too many calls", refused.Message, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Connected, busy.State);
    }
}
