namespace Lianxin.Kiosks;

/// <summary>The registry facts of a 24-hour self-service kiosk (自助服务终端).</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.KioskProfile")]
public sealed record KioskProfile([property: Id(0)] string CenterId, [property: Id(1)] string Name);
