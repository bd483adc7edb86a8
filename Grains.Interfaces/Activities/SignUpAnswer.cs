namespace Lianxin.Activities;

/// <summary>
/// The answer to a sign-up attempt. <see cref="Arrival"/> is the attempt's number in the order the activity received
/// attempts (0 for refusals, which change nothing); <see cref="Position"/> the waitlist position when waitlisted;
/// <see cref="Repeated"/> says the answer was given before (same key, or the person already signed up).
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.SignUpAnswer")]
public sealed record SignUpAnswer(
    [property: Id(0)] SignUpOutcome Outcome,
    [property: Id(1)] int? Position,
    [property: Id(2)] string? Detail,
    [property: Id(3)] long Arrival,
    [property: Id(4)] bool Repeated)
{
    /// <summary>A sign-up that was not taken, with its outcome and the reason shown to the person.</summary>
    public static SignUpAnswer Refused(SignUpOutcome outcome, string detail) => new(outcome, null, detail, 0, false);
}
