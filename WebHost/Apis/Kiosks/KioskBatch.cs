using Lianxin.Kiosks;

namespace Lianxin.WebHost.Apis.Kiosks;

/// <summary>A batch of kiosk events: 1 to <c>Limits:MaxKioskBatchEvents</c> (500 unless configured).</summary>
public sealed record KioskBatchRequest(IReadOnlyList<KioskEventRequest?>? Events);

/// <summary>
/// The answer to a batch: each event's status in the order sent, and totals; <c>emergency</c> while an emergency
/// covers the kiosk's center (absent otherwise).
/// </summary>
public sealed record KioskBatchResponse(IReadOnlyList<KioskEventResult> Results, int Accepted, int Duplicates, int Rejected, KioskEmergencyNotice? Emergency = null);

/// <summary>One event's answer: <c>accepted</c>, <c>duplicate</c> (stored before; not counted again) or <c>rejected</c> with the reason.</summary>
public sealed record KioskEventResult(Guid EventId, EventStatus Status, string? Reason);

/// <summary>A heartbeat: the app version and each peripheral's state (<c>ok</c>, <c>warning</c>, <c>fault</c>, <c>offline</c>).</summary>
public sealed record KioskHeartbeatRequest(string? AppVersion, IReadOnlyDictionary<string, string>? Peripherals);

/// <summary>
/// The answer to a heartbeat: the kiosk's state and the server's clock, against which kiosks check their own;
/// <c>emergency</c> while an emergency covers the kiosk's center (absent otherwise).
/// </summary>
public sealed record KioskHeartbeatResponse(KioskConnectivity Connectivity, DateTimeOffset ServerTime, KioskEmergencyNotice? Emergency = null);

/// <summary>A device key, shown once: the server keeps only its hash.</summary>
public sealed record KioskKeyResponse(string KioskId, string Key, string Authorization, DateTimeOffset IssuedAt);
