using Lianxin.Kiosks;

namespace Lianxin.WebHost.Apis.Lists;

/// <summary>A kiosk in the registry list, with its heartbeat state as of the answer.</summary>
public sealed record KioskListLine(string Id, string Name, string CenterId, KioskConnectivity Connectivity, DateTimeOffset? LastSeenAt);
