using Lianxin.Live;

namespace Lianxin.WebHost.Live;

/// <summary>What the live hub sends to its clients (see docs/live-protocol.md).</summary>
public interface ILiveClient
{
    /// <summary>Protocol version 1: a subscribed scope changed; each changed item comes whole.</summary>
    Task DeltaReceived(LiveDelta delta);

    /// <summary>Protocol version 2: a subscribed scope changed; held items get merge patches of the fields that changed.</summary>
    Task PatchReceived(LiveDeltaText delta);
}
