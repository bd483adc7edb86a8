using System.Text.Json;
using System.Text.Json.Serialization;
using Lianxin.TestSupport;
using Lianxin.WebHost.Live;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Lianxin.Cluster.Tests;

/// <summary>
/// A dashboard as the product's own client behaves: a real SignalR connection to <c>/hubs/live</c> that reconnects by
/// itself, subscribes to one scope, applies deltas in number order and takes a fresh snapshot on a gap (a feed that
/// moved to another silo numbers anew) or after reconnecting. Follows one center's people-inside figure.
/// </summary>
internal sealed class Dashboard : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly HubConnection _connection;
    private readonly string _scope;
    private readonly string _item;
    private long _sequence;
    private bool _resyncing;

    private Dashboard(HubConnection connection, string scope, string centerId)
    {
        _connection = connection;
        _scope = scope;
        _item = $"center:{centerId}";
        _connection.On<Picture>("DeltaReceived", OnDelta);
        _connection.Reconnected += _ => ResyncAsync();
    }

    /// <summary>Deltas applied so far.</summary>
    public int Deltas { get; private set; }

    public int Resyncs { get; private set; }

    /// <summary>The center's people-inside figure as the dashboard shows it now.</summary>
    public int PeopleInside { get; private set; } = -1;

    public static async Task<Dashboard> OpenAsync(LianxinWebFactory web, string region, string centerId)
    {
        var token = web.Services.GetRequiredService<TokenIssuer>().Issue(new Caller(region, Role.Operator, region)).Token;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(web.Server.BaseAddress, LiveConfiguration.HubPath), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => web.Server.CreateHandler();
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .WithAutomaticReconnect()
            .AddJsonProtocol(o =>
            {
                o.PayloadSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
                o.PayloadSerializerOptions.PropertyNameCaseInsensitive = true;
                o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            })
            .Build();
        var dashboard = new Dashboard(connection, Lianxin.Live.LiveScope.Region(region), centerId);
        await connection.StartAsync().WaitAsync(Timeout);
        await dashboard.ResyncAsync();
        return dashboard;
    }

    /// <summary>Waits until the figure shown grows beyond <paramref name="than"/> through a delta applied after now.</summary>
    public async Task UpdatedBeyondAsync(int than, string what)
    {
        var deltas = Deltas;
        await Eventually.HoldsAsync(() => Task.FromResult((Deltas, PeopleInside)), d => d.Deltas > deltas && d.PeopleInside > than, ClusterFixture.Recovery, what);
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    private void OnDelta(Picture delta)
    {
        lock (_gate)
        {
            if (_resyncing || delta.Sequence <= _sequence)
            {
                return;
            }

            if (delta.Sequence != _sequence + 1)
            {
                // A gap: the handler must not wait on the connection it is called from, so the snapshot is taken aside.
                _resyncing = true;
                _ = Task.Run(ResyncAsync);
                return;
            }

            _sequence = delta.Sequence;
            Deltas++;
            Take(delta);
        }
    }

    private async Task ResyncAsync()
    {
        lock (_gate)
        {
            _resyncing = true;
        }

        try
        {
            var snapshot = await _connection.InvokeAsync<Picture>("Subscribe", _scope).WaitAsync(Timeout);
            lock (_gate)
            {
                _sequence = snapshot.Sequence;
                Resyncs++;
                Take(snapshot);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The next delta's gap (or the next reconnect) tries again, as the product's client does.
        }
        finally
        {
            lock (_gate)
            {
                _resyncing = false;
            }
        }
    }

    private void Take(Picture picture)
    {
        if (picture.Items.TryGetValue(_item, out var card))
        {
            PeopleInside = card.GetProperty("live").GetProperty("peopleInside").GetInt32();
        }
    }

    /// <summary>A snapshot or delta as read off the wire.</summary>
    private sealed record Picture(string Scope, long Sequence, Dictionary<string, JsonElement> Items);
}
