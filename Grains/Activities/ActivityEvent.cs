namespace Lianxin.Activities;

/// <summary>
/// One step of an activity as its journal keeps it. <see cref="Sequence"/> orders an activity's steps and names them in
/// the journal (one id per sequence number), so two activations that both believe they are the writer can never both
/// store step N. What a step decides is not stored: the book decides it again from the steps before it.
/// </summary>
internal sealed record ActivityEvent(
    long Sequence,
    string Type,
    DateTimeOffset At,
    string? PersonId = null,
    string? Key = null,
    string? By = null,
    string? Reason = null,
    ActivityDefinition? Definition = null)
{
    public const string Published = "activity.published";
    public const string Attempt = "activity.attempt";
    public const string SignUpCancelled = "activity.signUpCancelled";
    public const string OfferConfirmed = "activity.offerConfirmed";
    public const string CheckedIn = "activity.checkedIn";
    public const string Tick = "activity.tick";
    public const string Cancelled = "activity.cancelled";
}
