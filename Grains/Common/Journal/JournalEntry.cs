namespace Lianxin.Common.Journal;

/// <summary>
/// One event to keep: its id is unique across the whole journal (a kiosk's eventId, a reply's idempotency key),
/// which is what makes a re-sent event harmless.
/// </summary>
public sealed record JournalEntry(Guid Id, string Stream, DateTimeOffset OccurredAt, string Type, string Payload);
