using Lianxin.TestSupport;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Lianxin.WebHost.Tests.Live;

/// <summary>Calls over an open live-hub connection count against the caller's limit (3 an hour here), like HTTP requests.</summary>
public sealed class HubCallLimitTests : IAsyncLifetime
{
    private LiveHostFactory _host = null!;

    public async Task InitializeAsync()
    {
        var settings = LiveHostFactory.CoHosted(await TestDatabase.CreateAsync());
        settings["Limits:HubCallPermitLimit"] = "3";
        settings["Limits:Window"] = "01:00:00";
        _host = new LiveHostFactory(settings);
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
            await busy.InvokeAsync("Unsubscribe", "region:elsewhere").WaitAsync(LiveHostFactory.Timeout);
        }

        var refused = await Assert.ThrowsAsync<HubException>(() => busy.InvokeAsync("Unsubscribe", "region:elsewhere").WaitAsync(LiveHostFactory.Timeout));
        await calm.InvokeAsync("Unsubscribe", "region:elsewhere").WaitAsync(LiveHostFactory.Timeout);

        Assert.Contains("Too many calls", refused.Message, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Connected, busy.State);
    }
}
