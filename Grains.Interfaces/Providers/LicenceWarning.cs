namespace Lianxin.Providers;

/// <summary>A provider a center engaged whose licence runs out within the warning window (or has run out).</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.LicenceWarning")]
public sealed record LicenceWarning(
    [property: Id(0)] string ProviderId,
    [property: Id(1)] string Name,
    [property: Id(2)] string LicenceNumber,
    [property: Id(3)] DateOnly ValidUntil,
    [property: Id(4)] int DaysLeft,
    [property: Id(5)] bool Expired);
