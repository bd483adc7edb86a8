using Lianxin.Live;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Lianxin.WebHost.Live;

/// <summary>
/// <c>/hubs/live</c>: a client subscribes to the scopes it may read and gets a snapshot of each, then numbered
/// deltas as <see cref="ILiveClient.DeltaReceived"/>. Thin: access rules live in <see cref="LiveScopeAccess"/>,
/// the link to the feeds in <see cref="LiveSubscriptions"/>.
/// </summary>
[Authorize(Policy = AuthConfiguration.AnyRolePolicy)]
public sealed class LiveHub(LiveScopeAccess access, LiveSubscriptions subscriptions, IGrainFactory grains) : Hub<ILiveClient>
{
    /// <summary>Enough for a big screen's region, centers and emergencies; a bound on what one connection can hold.</summary>
    public const int MaxScopesPerConnection = 64;

    private const string ScopesItem = "lianxin.scopes";

    /// <summary>Protocol version 1: starts whole-item deltas of a scope and returns its snapshot.</summary>
    public Task<LiveSnapshot> Subscribe(string scope) => SubscribeAsync(scope, LiveProtocol.Version1);

    /// <summary>
    /// Starts deltas of a scope in the given protocol version and returns its snapshot; deltas numbered at or below the
    /// snapshot's are stale. A version this server does not speak is refused, so a client can fall back to an older one.
    /// </summary>
    public Task<LiveSnapshot> SubscribeWithVersion(string scope, int version) =>
        LiveProtocol.IsSupported(version)
            ? SubscribeAsync(scope, version)
            : throw new HubException($"Live protocol version {version} is not spoken here; versions {LiveProtocol.Version1} and {LiveProtocol.Version2} are.");

    /// <summary>A fresh snapshot of a subscribed scope: what a client asks for when it sees a gap in the numbers.</summary>
    public async Task<LiveSnapshot> GetSnapshot(string scope)
    {
        if (!Scopes.TryGetValue(scope, out var version))
        {
            throw new HubException($"Not subscribed to '{scope}'.");
        }

        return await SnapshotAsync(scope, version);
    }

    /// <summary>Stops deltas of a scope.</summary>
    public async Task Unsubscribe(string scope)
    {
        if (Scopes.Remove(scope, out var version))
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveProtocol.Group(scope, version));
            await subscriptions.ReleaseAsync(scope);
        }
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var scope in Scopes.Keys)
        {
            await subscriptions.ReleaseAsync(scope);
        }

        Scopes.Clear();
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>This connection's scopes and the protocol version of each.</summary>
    private Dictionary<string, int> Scopes =>
        Context.Items.TryGetValue(ScopesItem, out var held) && held is Dictionary<string, int> scopes
            ? scopes
            : (Dictionary<string, int>)(Context.Items[ScopesItem] = new Dictionary<string, int>(StringComparer.Ordinal));

    private async Task<LiveSnapshot> SubscribeAsync(string scope, int version)
    {
        await access.DemandAsync(Context.User, scope);
        var scopes = Scopes;
        if (!scopes.TryGetValue(scope, out var held))
        {
            if (scopes.Count >= MaxScopesPerConnection)
            {
                throw new HubException($"A connection may hold at most {MaxScopesPerConnection} scopes.");
            }

            // Subscribe and join the group before reading the snapshot, so no delta falls between the two.
            await subscriptions.AcquireAsync(scope);
            try
            {
                await Groups.AddToGroupAsync(Context.ConnectionId, LiveProtocol.Group(scope, version));
            }
            catch
            {
                await subscriptions.ReleaseAsync(scope);
                throw;
            }

            scopes[scope] = version;
        }
        else if (held != version)
        {
            // The same scope in another version: the client resyncs from the snapshot below.
            await Groups.AddToGroupAsync(Context.ConnectionId, LiveProtocol.Group(scope, version));
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveProtocol.Group(scope, held));
            scopes[scope] = version;
        }

        return await SnapshotAsync(scope, version);
    }

    /// <summary>The scope's snapshot numbered as the version's messages are.</summary>
    private async Task<LiveSnapshot> SnapshotAsync(string scope, int version)
    {
        var snapshot = await grains.GetGrain<ILiveFeedGrain>(scope).GetSnapshotAsync();
        return version == LiveProtocol.Version2 ? snapshot.ForPatches() : snapshot;
    }
}
