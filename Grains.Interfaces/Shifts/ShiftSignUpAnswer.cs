namespace Lianxin.Shifts;

/// <summary>
/// The answer to a shift sign-up: confirmed (with the person's place number), full, closed (started or retired), not
/// found, refused (not one of the center's people), or cancelled (a re-sent request whose place was cancelled since).
/// <see cref="Repeated"/> says the answer was given before: the person already held the place, or the key was used.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.ShiftSignUpAnswer")]
public sealed record ShiftSignUpAnswer(
    [property: Id(0)] ShiftSignUpOutcome Outcome,
    [property: Id(1)] string OccurrenceId,
    [property: Id(2)] int Taken,
    [property: Id(3)] int MaxPeople,
    [property: Id(4)] bool Repeated,
    [property: Id(5)] string? Detail = null);

/// <summary>What became of a shift sign-up.</summary>
public enum ShiftSignUpOutcome
{
    /// <summary>The person holds a place.</summary>
    Confirmed = 0,
    /// <summary>Every place is taken.</summary>
    Full = 1,
    /// <summary>The shift has started or was retired.</summary>
    Closed = 2,
    /// <summary>No such occurrence.</summary>
    NotFound = 3,
    /// <summary>The person is not one of the center's people.</summary>
    Refused = 4,
    /// <summary>A re-sent request whose place was cancelled since.</summary>
    Cancelled = 5,
}
