using System.Text.Json;
using System.Text.Json.Serialization;
using Lianxin.Live;
using Lianxin.WebHost.Live;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using static Lianxin.WebHost.Tests.Security.Callers;
using static Lianxin.WebHost.Tests.Security.SecurityDistrict;

namespace Lianxin.WebHost.Tests.Security;

/// <summary>
/// <c>/hubs/live</c> by the same rules as the HTTP API: without a valid token no connection; with one, a scope out of
/// reach is refused and yields no snapshot and no subscription.
/// </summary>
[Collection(SecurityDistrictCollection.Name)]
[Trait("Needs", "PostgreSQL")]
public sealed class LiveHubAuthorizationTests(SecurityDistrict district)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Each scope kind with a target in region 1 and the callers who may watch it.</summary>
    private static readonly Dictionary<string, (Func<SecurityDistrict, string> Scope, CallerSpec[] Allowed)> Scopes = new()
    {
        ["region"] = (_ => LiveScope.Region(Region1), ReadersOfRegion1),
        ["center"] = (_ => LiveScope.Center(CenterA), ReadersOfCenterA),
        ["grid"] = (_ => LiveScope.Grid(GridA1), ReadersOfGridA1),
        ["emergency"] = (d => LiveScope.Emergency(d.GridEmergency), FollowersOfGridEmergency),
        ["volunteer"] = (_ => LiveScope.Volunteer(VolunteerA1), ReadersOfVolunteerA1),
    };

    public static TheoryData<string, string> OutOfScope()
    {
        var data = new TheoryData<string, string>();
        foreach (var (kind, (_, allowed)) in Scopes)
        {
            foreach (var caller in EveryBearer.Except(allowed))
            {
                data.Add(kind, caller.Name);
            }
        }

        return data;
    }

    public static TheoryData<string> WithoutAValidToken() => [Anonymous.Name, Forged.Name, Expired.Name, KioskAKey.Name, WrongKioskKey.Name];

    [Theory, MemberData(nameof(OutOfScope))]
    public async Task SubscribingOutOfScopeIsRefusedWithoutASnapshot(string kind, string caller)
    {
        var scope = Scopes[kind].Scope(district);
        await using var connection = await ConnectAsync(Named(caller));

        await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonElement>("Subscribe", scope).WaitAsync(Timeout));

        // Not subscribed either: asking for a fresh snapshot of the scope is refused too.
        await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonElement>("GetSnapshot", scope).WaitAsync(Timeout));
    }

    [Fact]
    public async Task EveryScopeKindIsWatchableByTheCallersItAllows()
    {
        foreach (var (kind, (scope, allowed)) in Scopes)
        {
            foreach (var caller in allowed)
            {
                await using var connection = await ConnectAsync(caller);
                var snapshot = await connection.InvokeAsync<JsonElement>("Subscribe", scope(district)).WaitAsync(Timeout);
                Assert.True(scope(district) == snapshot.GetProperty("scope").GetString(), $"{kind} as {caller}");
            }
        }
    }

    [Fact]
    public async Task ScopesThatAreNotScopesAreRefused()
    {
        await using var connection = await ConnectAsync(Operator);

        foreach (var scope in new[] { "everything", $"region:{CenterA}", "center:", "grid:nowhere", $"volunteer:{VolunteerC1}" })
        {
            await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonElement>("Subscribe", scope).WaitAsync(Timeout));
        }
    }

    [Theory, MemberData(nameof(WithoutAValidToken))]
    public async Task ConnectingWithoutAValidTokenIsRefused(string caller)
    {
        var connection = Build(Named(caller));

        await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync().WaitAsync(Timeout));
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
        await connection.DisposeAsync();
    }

    private async Task<HubConnection> ConnectAsync(CallerSpec caller)
    {
        var connection = Build(caller);
        await connection.StartAsync().WaitAsync(Timeout);
        return connection;
    }

    private HubConnection Build(CallerSpec caller)
    {
        var server = district.Host.Server;
        var authorization = district.AuthorizationOf(caller);
        return new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, LiveConfiguration.HubPath), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                if (authorization is not null)
                {
                    o.Headers["Authorization"] = authorization;
                }
            })
            .AddJsonProtocol(o =>
            {
                o.PayloadSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
                o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            })
            .Build();
    }
}
