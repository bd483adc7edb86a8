namespace Lianxin.Activities;

/// <summary>
/// What a step did to a <see cref="SignUpBook"/>: whether it changed anything (only then is it journaled), its answer,
/// the offers it made and, for a cancelled activity, the people to tell.
/// </summary>
internal sealed record BookResult(bool Changed, SignUpAnswer? SignUp = null, ActivityStepResult? Step = null)
{
    public IReadOnlyList<Seat> OffersMade { get; init; } = [];

    public IReadOnlyList<string> ToTell { get; init; } = [];
}
