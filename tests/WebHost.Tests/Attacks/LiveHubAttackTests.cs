using System.Text;
using Lianxin.WebHost.Live;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.IdentityModel.Tokens;

namespace Lianxin.WebHost.Tests.Attacks;

/// <summary>The live hub over a real WebSocket: a connection does not outlive the token it was opened with.</summary>
[Collection(ProductionHostCollection.Name)]
[Trait("Needs", "PostgreSQL")]
public sealed class LiveHubAttackTests(ProductionHostFixture fixture)
{
    [Fact]
    public async Task ALiveConnectionIsClosedWhenItsTokenExpires()
    {
        var issuer = new TokenIssuer(
            new AuthOptions { DevTokenLifetime = TimeSpan.FromSeconds(5) }, new SymmetricSecurityKey(Encoding.UTF8.GetBytes(fixture.Host.SigningKey)));
        var (token, expiresAt) = issuer.Issue(new Caller("leaver", Role.Auditor, "ld"));
        var closed = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(fixture.Host.Address, LiveConfiguration.HubPath), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        connection.Closed += _ =>
        {
            closed.TrySetResult(DateTimeOffset.UtcNow);
            return Task.CompletedTask;
        };

        await connection.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var closedAt = await closed.Task.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(closedAt >= expiresAt.AddSeconds(-1), $"closed at {closedAt:O}, token expired at {expiresAt:O}");
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
    }
}
