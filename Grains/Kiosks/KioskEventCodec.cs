using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Lianxin.Common.Journal;

namespace Lianxin.Kiosks;

/// <summary>
/// How kiosk events are kept in the event journal: stream <c>kiosk:{kioskId}</c>, the kiosk's eventId as the
/// journal id, the wire type name, and a JSON payload of the body's fields plus the center the kiosk belonged to.
/// </summary>
public static class KioskEventCodec
{
    private const string CenterField = "centerId";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Stream(string kioskId) => $"kiosk:{kioskId}";

    /// <summary>One event, as <see cref="Encode(string, string, IReadOnlyList{KioskEvent})"/> encodes it in a batch.</summary>
    public static JournalEntry Encode(string kioskId, string centerId, KioskEvent e) => Encode(kioskId, centerId, [e])[0];

    /// <summary>
    /// A batch's events: the body's JSON with the center's field put first. Every accepted event passes here, so the
    /// stream and the center's field are written once per batch (a batch is one kiosk at one center), and each payload
    /// is the body's JSON and one copy of it behind that field.
    /// </summary>
    public static JournalEntry[] Encode(string kioskId, string centerId, IReadOnlyList<KioskEvent> events)
    {
        var stream = Stream(kioskId);
        var center = $"{{\"{CenterField}\":{JsonSerializer.Serialize(centerId)}";
        var entries = new JournalEntry[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var body = JsonSerializer.Serialize(e.Body, e.Body.GetType(), Json);
            var payload = body.Length > 2 ? string.Concat(center, ",", body.AsSpan(1)) : center + "}";
            entries[i] = new JournalEntry(e.EventId, stream, AsJournaled(e.OccurredAt), KioskEventTypes.NameOf(e.Body), payload);
        }

        return entries;
    }

    /// <summary>
    /// An instant as every journal holds it: UTC to the microsecond, PostgreSQL's precision. The embedded journal keeps
    /// the same, so an event applied from memory and the same event read back after a crash are equal to the tick (a
    /// refusal quotes the check-in's time, and a re-sent event must get the same answer).
    /// </summary>
    public static DateTimeOffset AsJournaled(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % 10), TimeSpan.Zero);

    public static JournaledKioskEvent Decode(string kioskId, JournalRecord record)
    {
        var entry = record.Entry;
        var payload = JsonNode.Parse(entry.Payload)!.AsObject();
        var centerId = payload[CenterField]!.GetValue<string>();
        payload.Remove(CenterField);
        var body = (KioskEventBody)payload.Deserialize(KioskEventTypes.Bodies[entry.Type], Json)!;
        return new JournaledKioskEvent(record.Position, kioskId, centerId, new KioskEvent(entry.Id, entry.OccurredAt, body));
    }
}
