namespace Lianxin.Residents;

/// <summary>
/// What an SMS gateway receives for a sign-in code: the same shape as an emergency message (one text, its recipients,
/// the channel and an idempotency key, also sent as the <c>Idempotency-Key</c> header) with <c>kind</c>
/// <c>signInCode</c>, so a gateway that delivers alerts delivers codes unchanged.
/// </summary>
public sealed record SignInCodeMessage(Guid BatchId, string Kind, string Text, IReadOnlyList<SignInCodeRecipient> Recipients, string Channel, string IdempotencyKey);

/// <summary>The one recipient of a sign-in code.</summary>
public sealed record SignInCodeRecipient(string Phone);
