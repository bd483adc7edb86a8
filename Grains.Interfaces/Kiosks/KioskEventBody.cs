using Lianxin.Common;

namespace Lianxin.Kiosks;

/// <summary>
/// What a kiosk event says, one derived record per event type of kiosk protocol v1. The hierarchy is closed:
/// these are all the types a kiosk can send.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.KioskEventBody")]
public abstract record KioskEventBody;

/// <summary>A visitor arrives, a volunteer starts duty, or a mobile party member reports in.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.CheckIn")]
public sealed record CheckIn(
    [property: Id(0)] string PersonId,
    [property: Id(1)] PersonRole Role,
    [property: Id(2)] BasicFunction Purpose) : KioskEventBody;

/// <summary>A person leaves (for a volunteer: ends duty).</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.CheckOut")]
public sealed record CheckOut([property: Id(0)] string PersonId) : KioskEventBody;

/// <summary>A self-service transaction (certificate print, social-security query, …).</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.SelfService")]
public sealed record SelfService(
    [property: Id(0)] string Service,
    [property: Id(1)] BasicFunction Purpose,
    [property: Id(2)] string? PersonId) : KioskEventBody;

/// <summary>Points spent on goods at the kiosk's redemption point.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.PointsRedemption")]
public sealed record PointsRedemption(
    [property: Id(0)] string PersonId,
    [property: Id(1)] int Points,
    [property: Id(2)] string Goods) : KioskEventBody;

/// <summary>A resident asks for help (有困难找中心): opens a ticket at the center.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.HelpRequest")]
public sealed record HelpRequest(
    [property: Id(0)] string? PersonId,
    [property: Id(1)] BasicFunction Purpose,
    [property: Id(2)] string Description) : KioskEventBody;

/// <summary>A door opened by ID card outside opening hours.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.AfterHoursEntry")]
public sealed record AfterHoursEntry(
    [property: Id(0)] string PersonId,
    [property: Id(1)] string? Door) : KioskEventBody;

/// <summary>A peripheral or software fault the kiosk noticed.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.KioskFaultReport")]
public sealed record FaultReport(
    [property: Id(0)] string Peripheral,
    [property: Id(1)] string Code,
    [property: Id(2)] string? Message) : KioskEventBody;
