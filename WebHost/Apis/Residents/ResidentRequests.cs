namespace Lianxin.WebHost.Apis.Residents;

/// <summary>A request for a sign-in code sent to a mainland mobile number (in the body: a number never goes in a URL).</summary>
public sealed record ResidentCodeRequest(string? Phone);

/// <summary>The answer to a code request: until when the code is valid; in demo mode the code itself.</summary>
public sealed record ResidentCodeResponse(DateTimeOffset ExpiresAt, string Delivery, string? Code);

/// <summary>A phone number and the code sent to it.</summary>
public sealed record ResidentSignInRequest(string? Phone, string? Code);

/// <summary>An ID-card number a kiosk read from the card.</summary>
public sealed record KioskResidentSessionRequest(string? IdNumber);

/// <summary>A resident's bearer token, when it expires, and the person id (pseudonym) it speaks for.</summary>
public sealed record ResidentTokenResponse(string Token, DateTimeOffset ExpiresAt, string PersonId);

/// <summary>A need a resident states themselves (群众点单): the center, one of its functions, and what is needed.</summary>
public sealed record ResidentOrderRequest(string? CenterId, string? Function, string? Description);

/// <summary>A phone number to link to the signed-in ID card and the code sent to it.</summary>
public sealed record PhoneLinkRequest(string? Phone, string? Code);

/// <summary>
/// The ID card's links after a link or unlink: the person id, the linked phones' pseudonyms (never a number), whether a
/// phone is linked, and a new token for the rest of the kiosk session that carries them.
/// </summary>
public sealed record PhoneLinkResponse(string PersonId, IReadOnlyList<string> Aliases, bool PhoneLinked, string Token, DateTimeOffset ExpiresAt);
