using System.Text.Json;
using System.Text.Json.Nodes;
using Lianxin.Live;
using Lianxin.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace Lianxin.WebHost.Tests.Live;

/// <summary>
/// A test screen speaking live protocol version 2 as docs/live-protocol.md tells a third party to: snapshot from
/// <c>SubscribeWithVersion</c>, then <c>PatchReceived</c> deltas applied in number order (items replaced, patches
/// merged, removals deleted), and a fresh snapshot on any gap. It can be told to lose deltas, as a network would.
/// </summary>
public sealed class PatchingDashboard : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<JsonObject> _applied = [];
    private readonly List<JsonObject> _waiting = [];
    private JsonObject _items = [];
    private string? _scope;
    private long _sequence;
    private bool _syncing = true;
    private int _toLose;

    private PatchingDashboard(HubConnection connection)
    {
        Connection = connection;
        Connection.On<JsonElement>("PatchReceived", delta => OnDelta(JsonNode.Parse(delta.GetRawText())!.AsObject()));
    }

    public HubConnection Connection { get; }

    /// <summary>The snapshot's sequence number, then every applied delta's numbers, in the order they were taken.</summary>
    public List<long> Numbers { get; } = [];

    public int Resyncs { get; private set; }

    /// <summary>The sequence number the picture is at.</summary>
    public long Sequence
    {
        get
        {
            lock (_gate)
            {
                return _sequence;
            }
        }
    }

    /// <summary>The deltas applied to the picture, in order.</summary>
    public IReadOnlyList<JsonObject> Applied
    {
        get
        {
            lock (_gate)
            {
                return [.. _applied];
            }
        }
    }

    public static async Task<PatchingDashboard> ConnectAsync(LianxinWebFactory host, string token) => new(await host.ConnectAsync(token));

    public async Task<JsonObject> SubscribeAsync(string scope)
    {
        _scope = scope;
        var snapshot = await Connection.InvokeAsync<JsonElement>("SubscribeWithVersion", scope, 2).WaitAsync(LianxinWebFactory.Timeout);
        return Take(snapshot);
    }

    /// <summary>The next <paramref name="count"/> deltas are dropped on arrival.</summary>
    public void Lose(int count)
    {
        lock (_gate)
        {
            _toLose = count;
        }
    }

    /// <summary>An item of the picture as it stands, or null.</summary>
    public JsonNode? Item(string key)
    {
        lock (_gate)
        {
            return _items[key]?.DeepClone();
        }
    }

    public IReadOnlyList<string> Keys
    {
        get
        {
            lock (_gate)
            {
                return [.. _items.Select(p => p.Key)];
            }
        }
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();

    private JsonObject Take(JsonElement snapshot)
    {
        var node = JsonNode.Parse(snapshot.GetRawText())!.AsObject();
        lock (_gate)
        {
            _items = node["items"]!.AsObject().DeepClone().AsObject();
            _sequence = node["sequence"]!.GetValue<long>();
            Numbers.Add(_sequence);
            _syncing = false;
            var waiting = _waiting.OrderBy(d => d["sequence"]!.GetValue<long>()).ToList();
            _waiting.Clear();
            foreach (var delta in waiting)
            {
                ApplyLocked(delta);
            }
        }

        return node;
    }

    private void OnDelta(JsonObject delta)
    {
        lock (_gate)
        {
            if (_toLose > 0)
            {
                _toLose--;
                return;
            }

            if (_syncing)
            {
                _waiting.Add(delta);
                return;
            }

            ApplyLocked(delta);
        }
    }

    private void ApplyLocked(JsonObject delta)
    {
        var sequence = delta["sequence"]!.GetValue<long>();
        if (sequence <= _sequence)
        {
            return;
        }

        if (sequence != _sequence + 1)
        {
            // A gap: take a fresh snapshot (not from inside the handler, which the connection is running).
            Resyncs++;
            _syncing = true;
            _waiting.Add(delta);
            _ = Task.Run(async () => Take(await Connection.InvokeAsync<JsonElement>("GetSnapshot", _scope!)));
            return;
        }

        foreach (var (key, item) in delta["items"]!.AsObject())
        {
            _items[key] = item?.DeepClone();
        }

        foreach (var (key, patch) in delta["patches"]!.AsObject())
        {
            _items[key] = LiveMergePatch.Apply(_items[key], patch);
        }

        foreach (var key in delta["removed"]!.AsArray())
        {
            _items.Remove(key!.GetValue<string>());
        }

        _sequence = sequence;
        Numbers.Add(sequence);
        _applied.Add(delta);
    }
}
