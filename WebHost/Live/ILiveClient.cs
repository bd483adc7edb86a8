using Lianxin.Live;

namespace Lianxin.WebHost.Live;

/// <summary>What the live hub sends to its clients (see docs/live-protocol.md).</summary>
public interface ILiveClient
{
    /// <summary>A subscribed scope changed: apply when <c>delta.sequence</c> is the held sequence + 1, else resync.</summary>
    Task DeltaReceived(LiveDelta delta);
}
