namespace Lianxin.WebHost.Apis.Residents;

/// <summary>
/// Who the token speaks for: the resident's person id (the pseudonym of their ID card, or of their phone when it is not
/// linked to one), role, how they signed in (<c>idCard</c> or <c>phoneCode</c>), the person ids linked to theirs
/// (pseudonyms), and whether a phone is linked to their ID card. No number is stored, so none is shown, not even masked.
/// </summary>
public sealed record Me(string PersonId, string Role, string? SignedInBy, IReadOnlyList<string> Aliases, bool PhoneLinked);
