using System.Text;
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

    /// <summary>
    /// The body's JSON with the center's field put first, written straight from the body's bytes: every accepted
    /// event passes here, and building a JSON tree for it cost more than the rest of the encoding.
    /// </summary>
    public static JournalEntry Encode(string kioskId, string centerId, KioskEvent e)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(e.Body, e.Body.GetType(), Json);
        var center = $"{{\"{CenterField}\":{JsonSerializer.Serialize(centerId)}";
        var payload = body.Length > 2 ? $"{center},{Encoding.UTF8.GetString(body.AsSpan(1))}" : $"{center}}}";
        return new JournalEntry(e.EventId, Stream(kioskId), AsJournaled(e.OccurredAt), KioskEventTypes.NameOf(e.Body), payload);
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
