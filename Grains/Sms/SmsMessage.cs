namespace Lianxin.Sms;

/// <summary>
/// What an SMS gateway receives for every message that is not an emergency's: the same shape as an emergency message
/// (one text, its recipients, the channel and an idempotency key, also sent as the <c>Idempotency-Key</c> header), with
/// <c>kind</c> saying what it is (<c>signInCode</c>, <c>shiftReminder</c>…), so a gateway that delivers alerts delivers
/// these unchanged.
/// </summary>
public sealed record SmsMessage(Guid BatchId, string Kind, string Text, IReadOnlyList<SmsRecipient> Recipients, string Channel, string IdempotencyKey);

/// <summary>The one recipient of a message.</summary>
public sealed record SmsRecipient(string Phone);
