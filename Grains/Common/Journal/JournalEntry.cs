namespace Lianxin.Common.Journal;

/// <summary>
/// One event to keep: its id is unique within its stream (a kiosk's eventId, a reply's idempotency key), which is
/// what makes a re-sent event harmless; the same id in another stream is another event. The payload is the event's
/// JSON as UTF-8, the form the database stores, so an event is encoded once on its way in and never copied again.
/// </summary>
public sealed record JournalEntry(Guid Id, string Stream, DateTimeOffset OccurredAt, string Type, byte[] Payload);
