using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Lianxin.Bench.Harness;

/// <summary>Many SignalR clients over WebSockets, as dashboards connect, opened a few at a time.</summary>
internal sealed class HubClients : IAsyncDisposable
{
    private readonly List<HubConnection> _connections;

    private HubClients(List<HubConnection> connections) => _connections = connections;

    public IReadOnlyList<HubConnection> Connections => _connections;

    /// <summary>Opens <paramref name="count"/> connections; <paramref name="configure"/> registers handlers before each starts.</summary>
    public static async Task<HubClients> ConnectAsync(Uri hub, int count, Action<HubConnection, int> configure, Func<int, string>? token = null)
    {
        var connections = new HubConnection[count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Math.Min(count, 16)).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var index = i;
                var connection = new HubConnectionBuilder()
                    .WithUrl(hub, HttpTransportType.WebSockets, o =>
                    {
                        o.SkipNegotiation = true;
                        if (token is not null)
                        {
                            o.AccessTokenProvider = () => Task.FromResult<string?>(token(index));
                        }
                    })
                    .Build();
                configure(connection, index);
                await connection.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
                connections[index] = connection;
            }
        }));
        return new HubClients([.. connections]);
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_connections.Select(c => c.DisposeAsync().AsTask()));
    }
}
