using Lianxin.Activities;

namespace Lianxin.WebHost.Apis.Residents;

/// <summary>An activity a resident signed up for and their place in it (null when the sign-up did not take).</summary>
public sealed record MySignUp(string ActivityId, string CenterId, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, ActivityPhase Phase, PersonPlace? Place);
