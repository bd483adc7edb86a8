namespace Lianxin.WebHost.Live;

/// <summary>
/// The versions of the live protocol this server speaks (docs/live-protocol.md) and the SignalR group of a scope in
/// each: a connection's subscription to a scope is in exactly one version.
/// </summary>
public static class LiveProtocol
{
    /// <summary>Whole items in <see cref="ILiveClient.DeltaReceived"/>: what <c>Subscribe</c> gives, as it always did.</summary>
    public const int Version1 = 1;

    /// <summary>Static card in the snapshot, only the changed fields in <see cref="ILiveClient.PatchReceived"/>.</summary>
    public const int Version2 = 2;

    public static bool IsSupported(int version) => version is Version1 or Version2;

    public static string Group(string scope, int version) => version == Version1 ? scope : $"{scope}#v{version}";
}
