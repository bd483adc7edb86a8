namespace Lianxin.Activities;

/// <summary>
/// One activity (活动) of a center, keyed by activity id: its places, waitlist and offers, sign-ups answered in the order
/// they arrive, attendance. Everything it answers as done is durable first. (A center's presence figures are another
/// actor, <c>ICenterActivityGrain</c>.)
/// </summary>
[Alias("Lianxin.IServiceActivityGrain")]
public interface IServiceActivityGrain : IGrainWithStringKey
{
    /// <summary>Publishes the activity; the same definition again is Done, a different one for the same id a Conflict.</summary>
    [Alias("Publish")]
    Task<ActivityStepResult> PublishAsync(ActivityDefinition definition);

    /// <summary>The activity now, or null when never published.</summary>
    [Alias("Get"), ReadOnly]
    Task<ActivityView?> GetAsync();

    /// <summary>A sign-up attempt: confirmed, waitlisted (with position) or full, in arrival order; or refused.</summary>
    [Alias("SignUp")]
    Task<SignUpAnswer> SignUpAsync(SignUpAttempt attempt);

    /// <summary>A person's place, or null when they never signed up.</summary>
    [Alias("GetPlace"), ReadOnly]
    Task<PersonPlace?> GetPlaceAsync(string personId);

    /// <summary>Everyone who signed up, in arrival order (organisers' view).</summary>
    [Alias("GetPlaces"), ReadOnly]
    Task<IReadOnlyList<PersonPlace>> GetPlacesAsync();

    /// <summary>The person gives up their place, waitlist position or offer; a freed place is offered to the next.</summary>
    [Alias("CancelSignUp")]
    Task<ActivityStepResult> CancelSignUpAsync(string personId, string by);

    /// <summary>The person takes the place offered to them, before the offer expires.</summary>
    [Alias("ConfirmOffer")]
    Task<ActivityStepResult> ConfirmOfferAsync(string personId, string by);

    /// <summary>Staff record the person's attendance (from an hour before the start to the end).</summary>
    [Alias("CheckIn")]
    Task<ActivityStepResult> CheckInAsync(string personId, string by);

    /// <summary>Cancels the activity; everyone signed up is told, with the reason.</summary>
    [Alias("Cancel")]
    Task<ActivityStepResult> CancelAsync(string reason, string by);
}
