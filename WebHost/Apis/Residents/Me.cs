namespace Lianxin.WebHost.Apis.Residents;

/// <summary>Who the token speaks for: the resident's person id (the pseudonym of the number they signed in with) and role.</summary>
public sealed record Me(string PersonId, string Role);
