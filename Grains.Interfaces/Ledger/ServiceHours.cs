namespace Lianxin.Ledger;

/// <summary>Volunteer hours from one duty visit (its id is the visit's check-in event id).</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.ServiceHours")]
public sealed record ServiceHours(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string CenterId,
    [property: Id(2)] DateTimeOffset From,
    [property: Id(3)] DateTimeOffset To,
    [property: Id(4)] bool AutomaticCheckOut,
    [property: Id(5)] HoursState State = HoursState.Pending,
    [property: Id(6)] string? DecidedBy = null,
    [property: Id(7)] DateTimeOffset? DecidedAt = null,
    [property: Id(8)] string? Reason = null)
{
    /// <summary>The hours served, to two decimals.</summary>
    public double Hours => Math.Round((To - From).TotalHours, 2);
}
