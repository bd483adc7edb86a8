using System.Buffers;
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

    /// <summary>One event, as <see cref="Encode(string, string, IReadOnlyList{KioskEvent})"/> encodes it in a batch.</summary>
    public static JournalEntry Encode(string kioskId, string centerId, KioskEvent e) => Encode(kioskId, centerId, [e])[0];

    /// <summary>
    /// A batch's events: the body's JSON with the center's field put first, as UTF-8. Every accepted event passes here,
    /// so the stream and the center's field are written once per batch (a batch is one kiosk at one center), each body
    /// is serialized into one buffer reused for the batch, and each payload is one array: the center's field, then the
    /// body's fields.
    /// </summary>
    public static JournalEntry[] Encode(string kioskId, string centerId, IReadOnlyList<KioskEvent> events)
    {
        var stream = Stream(kioskId);
        var center = Encoding.UTF8.GetBytes($"{{\"{CenterField}\":{JsonSerializer.Serialize(centerId)}");
        var buffer = new ArrayBufferWriter<byte>(256);
        using var writer = new Utf8JsonWriter(buffer);
        var entries = new JournalEntry[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            buffer.ResetWrittenCount();
            writer.Reset();
            JsonSerializer.Serialize(writer, e.Body, e.Body.GetType(), Json);
            entries[i] = new JournalEntry(e.EventId, stream, AsJournaled(e.OccurredAt), KioskEventTypes.NameOf(e.Body), WithCenter(center, buffer.WrittenSpan));
        }

        return entries;
    }

    /// <summary><c>{"centerId":"…"</c> followed by the body's fields, or closed when the body has none.</summary>
    private static byte[] WithCenter(ReadOnlySpan<byte> center, ReadOnlySpan<byte> body)
    {
        var fields = body[1..]; // the body's fields and its closing brace
        var payload = new byte[center.Length + (fields.Length > 1 ? 1 : 0) + fields.Length];
        center.CopyTo(payload);
        if (fields.Length > 1)
        {
            payload[center.Length] = (byte)',';
        }

        fields.CopyTo(payload.AsSpan(payload.Length - fields.Length));
        return payload;
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
