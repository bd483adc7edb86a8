namespace Lianxin.Kiosks;

/// <summary>A kiosk's heartbeat: its app version and the state of each peripheral.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.KioskHeartbeat")]
public sealed record KioskHeartbeat(
    [property: Id(0)] string AppVersion,
    [property: Id(1)] IReadOnlyDictionary<string, PeripheralStatus> Peripherals);
