namespace Lianxin.Common.Journal;

/// <summary>
/// One event to keep: its id is unique within its stream (a kiosk's eventId, a reply's idempotency key), which is
/// what makes a re-sent event harmless; the same id in another stream is another event.
/// </summary>
public sealed record JournalEntry(Guid Id, string Stream, DateTimeOffset OccurredAt, string Type, string Payload);
