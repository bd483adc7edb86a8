namespace Lianxin.Simulator;

/// <summary>A kiosk event as kiosk protocol v1 puts it on the wire (camelCase JSON, absent fields left out).</summary>
public sealed record WireEvent(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string Type,
    string? PersonId = null,
    string? Role = null,
    string? Purpose = null,
    string? Service = null,
    int? Points = null,
    string? Goods = null,
    string? Description = null,
    string? Door = null,
    string? Peripheral = null,
    string? Code = null,
    string? Message = null);
