namespace Lianxin.WebHost.Apis.Activities;

/// <summary>
/// The audit actions of activities (docs/audit.md). Organisers' steps are audited; a person's own sign-up, cancellation
/// and confirmation are kept, with who made them, in the activity's journal (as a person's own roll-call answers are).
/// </summary>
internal static class ActivityAuditActions
{
    public const string Published = "activity.published";
    public const string Cancelled = "activity.cancelled";
    public const string CheckedIn = "activity.checkedIn";
    public const string SignedUpOnBehalf = "activity.signedUpOnBehalf";
    public const string SignUpCancelledOnBehalf = "activity.signUpCancelledOnBehalf";
    public const string OfferConfirmedOnBehalf = "activity.offerConfirmedOnBehalf";
}
