namespace Lianxin.Shifts;

/// <summary>When a person can serve: local weekly windows. An empty list means not available for invitations.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.ShiftAvailability")]
public sealed record ShiftAvailability([property: Id(0)] IReadOnlyList<AvailabilityWindow> Windows)
{
    /// <summary>No windows: not available for invitations.</summary>
    public static ShiftAvailability None { get; } = new([]);
}

/// <summary>A local weekday and the times from and to (a "to" not after "from" runs past midnight).</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.AvailabilityWindow")]
public sealed record AvailabilityWindow([property: Id(0)] DayOfWeek Day, [property: Id(1)] TimeOnly From, [property: Id(2)] TimeOnly To);
