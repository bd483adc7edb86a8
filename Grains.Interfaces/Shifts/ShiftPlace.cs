namespace Lianxin.Shifts;

/// <summary>
/// One person's place on a shift occurrence: when and by whom it was taken (with the request's idempotency key), when
/// it was cancelled, when the reminder went out, and the attendance the center's presence credited.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.ShiftPlace")]
public sealed record ShiftPlace(
    [property: Id(0)] string PersonId,
    [property: Id(1)] DateTimeOffset SignedUpAt,
    [property: Id(2)] string By,
    [property: Id(3)] string? Key,
    [property: Id(4)] DateTimeOffset? CancelledAt = null,
    [property: Id(5)] DateTimeOffset? RemindedAt = null,
    [property: Id(6)] ShiftAttendance Attendance = ShiftAttendance.Expected,
    [property: Id(7)] DateTimeOffset? CheckedInAt = null)
{
    /// <summary>The place is held (not cancelled).</summary>
    public bool Active => CancelledAt is null;
}

/// <summary>Whether the person came: expected until they check in at the center or the shift ends.</summary>
public enum ShiftAttendance
{
    /// <summary>Not checked in yet, and the shift has not ended.</summary>
    Expected = 0,
    /// <summary>Checked in at the center during the shift.</summary>
    Attended = 1,
    /// <summary>The shift ended without a check-in.</summary>
    NoShow = 2,
}
