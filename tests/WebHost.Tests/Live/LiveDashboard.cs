using System.Collections.Concurrent;
using System.Text.Json;
using Lianxin.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace Lianxin.WebHost.Tests.Live;

/// <summary>A snapshot or delta as a client reads it off the wire.</summary>
public sealed record WireSnapshot(string Scope, long Sequence, Dictionary<string, JsonElement> Items, string[]? Removed);

/// <summary>
/// A test dashboard: a real SignalR client that keeps a scope's picture the way the protocol says, from the
/// snapshot and the deltas that follow it in order.
/// </summary>
public sealed class LiveDashboard : IAsyncDisposable
{
    private readonly ConcurrentQueue<WireSnapshot> _deltas = new();

    private LiveDashboard(HubConnection connection)
    {
        Connection = connection;
        Connection.On<WireSnapshot>("DeltaReceived", _deltas.Enqueue);
    }

    public HubConnection Connection { get; }

    public WireSnapshot? Snapshot { get; private set; }

    /// <summary>The deltas after the snapshot, in number order.</summary>
    public IReadOnlyList<WireSnapshot> Deltas => [.. _deltas.Where(d => d.Sequence > (Snapshot?.Sequence ?? long.MaxValue)).OrderBy(d => d.Sequence)];

    public static async Task<LiveDashboard> ConnectAsync(LianxinWebFactory host, string token) => new(await host.ConnectAsync(token));

    public async Task<WireSnapshot> SubscribeAsync(string scope) =>
        Snapshot = await Connection.InvokeAsync<WireSnapshot>("Subscribe", scope).WaitAsync(LianxinWebFactory.Timeout);

    /// <summary>An item as the snapshot plus the deltas after it show it now.</summary>
    public JsonElement? Current(string key)
    {
        JsonElement? current = Snapshot?.Items.TryGetValue(key, out var s) == true ? s : null;
        foreach (var delta in Deltas)
        {
            if (delta.Items.TryGetValue(key, out var item))
            {
                current = item;
            }
        }

        return current;
    }

    public int? VolunteersOnDuty(string centerId) =>
        Current($"center:{centerId}") is { } card ? card.GetProperty("live").GetProperty("volunteersOnDuty").GetInt32() : null;

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
