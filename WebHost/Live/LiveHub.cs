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

    /// <summary>Starts deltas of a scope and returns its snapshot; deltas numbered at or below the snapshot's are stale.</summary>
    public async Task<LiveSnapshot> Subscribe(string scope)
    {
        await access.DemandAsync(Context.User, scope);
        var scopes = Scopes;
        if (!scopes.Contains(scope))
        {
            if (scopes.Count >= MaxScopesPerConnection)
            {
                throw new HubException($"A connection may hold at most {MaxScopesPerConnection} scopes.");
            }

            // Subscribe and join the group before reading the snapshot, so no delta falls between the two.
            await subscriptions.AcquireAsync(scope);
            try
            {
                await Groups.AddToGroupAsync(Context.ConnectionId, scope);
            }
            catch
            {
                await subscriptions.ReleaseAsync(scope);
                throw;
            }

            scopes.Add(scope);
        }

        return await grains.GetGrain<ILiveFeedGrain>(scope).GetSnapshotAsync();
    }

    /// <summary>A fresh snapshot of a subscribed scope: what a client asks for when it sees a gap in the numbers.</summary>
    public async Task<LiveSnapshot> GetSnapshot(string scope)
    {
        if (!Scopes.Contains(scope))
        {
            throw new HubException($"Not subscribed to '{scope}'.");
        }

        return await grains.GetGrain<ILiveFeedGrain>(scope).GetSnapshotAsync();
    }

    /// <summary>Stops deltas of a scope.</summary>
    public async Task Unsubscribe(string scope)
    {
        if (Scopes.Remove(scope))
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, scope);
            await subscriptions.ReleaseAsync(scope);
        }
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var scope in Scopes)
        {
            await subscriptions.ReleaseAsync(scope);
        }

        Scopes.Clear();
        await base.OnDisconnectedAsync(exception);
    }

    private HashSet<string> Scopes =>
        Context.Items.TryGetValue(ScopesItem, out var held) && held is HashSet<string> scopes
            ? scopes
            : (HashSet<string>)(Context.Items[ScopesItem] = new HashSet<string>(StringComparer.Ordinal));
}
