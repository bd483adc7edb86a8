namespace Lianxin.Sms;

/// <summary>
/// One text to one phone. <see cref="IdempotencyKey"/> is the same however often the same text is sent again (after a
/// retry, a restart or a second silo), so a gateway that honours it delivers it once.
/// </summary>
public sealed record SmsText(string Kind, string Text, string Phone, string IdempotencyKey);
