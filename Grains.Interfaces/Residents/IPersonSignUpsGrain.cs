namespace Lianxin.Residents;

/// <summary>
/// The activities one person signed up for through their own routes (<c>/api/v1/me/sign-ups</c>), keyed by person id.
/// An activity is noted before the sign-up is sent, so a place never goes unlisted; one whose sign-up did not take is
/// shown with no place.
/// </summary>
[Alias("Lianxin.IPersonSignUpsGrain")]
public interface IPersonSignUpsGrain : IGrainWithStringKey
{
    /// <summary>Adds the activity (idempotent); durable before answering.</summary>
    [Alias("Note")]
    Task NoteAsync(string activityId);

    /// <summary>The activity ids, newest first.</summary>
    [Alias("List"), ReadOnly]
    Task<IReadOnlyList<string>> ListAsync();
}
