using System.Diagnostics;
using Lianxin.Live;
using Microsoft.AspNetCore.SignalR;

namespace Lianxin.WebHost.Live;

/// <summary>
/// This web host's receiver of one scope's changes: forwards each protocol version's messages, in their order, to the
/// SignalR group of the scope in that version on this host (SignalR serializes a group message once for all its
/// connections).
/// </summary>
internal sealed class LiveObserver : ILiveObserver, IDisposable
{
    private readonly InSequence<LiveDelta> _deltas;
    private readonly InSequence<LivePatch> _patches;

    public LiveObserver(string scope, IHubContext<LiveHub, ILiveClient> hub, TimeSpan reorderWindow, TimeProvider clock)
    {
        var wholeItems = hub.Clients.Group(LiveProtocol.Group(scope, LiveProtocol.Version1));
        var changedFields = hub.Clients.Group(LiveProtocol.Group(scope, LiveProtocol.Version2));
        _deltas = new(d => d.Sequence, ready => ForwardAsync(ready, wholeItems.DeltaReceived), reorderWindow, clock);
        _patches = new(p => p.Sequence, ready => ForwardAsync(ready, p => changedFields.PatchReceived(new LiveDeltaText(p.Json))), reorderWindow, clock);
    }

    public Task OnDeltaAsync(LiveDelta delta) => _deltas.ReceiveAsync(delta);

    public Task OnPatchAsync(LivePatch patch) => _patches.ReceiveAsync(patch);

    public void Dispose()
    {
        _deltas.Dispose();
        _patches.Dispose();
    }

    private static async Task ForwardAsync<T>(IReadOnlyList<T> ready, Func<T, Task> send)
    {
        foreach (var message in ready)
        {
            var started = Stopwatch.GetTimestamp();
            await send(message);
            LiveMetrics.PushDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
            LiveMetrics.Received("pushed");
        }
    }
}
