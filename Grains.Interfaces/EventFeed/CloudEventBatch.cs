using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Lianxin.EventFeed;

/// <summary>
/// Events in the CloudEvents 1.0 JSON batched content mode: one JSON array of events in cursor order, each with the same
/// attributes as <see cref="CloudEvent"/>. The stored data is written as it is (it is the JSON the log holds), so a batch
/// costs one pass over its events and no re-parse of their data.
/// </summary>
public static class CloudEventBatch
{
    /// <summary>The media type of a batch.</summary>
    public const string MediaType = "application/cloudevents-batch+json";

    /// <summary>The batch's JSON text as it is sent and signed.</summary>
    public static byte[] Serialize(IReadOnlyList<FeedRecord> records, int start, int count)
    {
        var buffer = new ArrayBufferWriter<byte>(count * 512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            for (var i = start; i < start + count; i++)
            {
                Write(json, records[i]);
            }

            json.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(Utf8JsonWriter json, FeedRecord record)
    {
        var e = record.Event;
        json.WriteStartObject();
        json.WriteString("specversion", "1.0");
        json.WriteString("id", e.Id);
        json.WriteString("source", e.Source);
        json.WriteString("type", e.Type);
        if (e.Subject is not null)
        {
            json.WriteString("subject", e.Subject);
        }

        json.WriteString("time", e.Time);
        json.WriteString("datacontenttype", "application/json");
        json.WriteString("sequence", record.Position.ToString(CultureInfo.InvariantCulture));
        json.WriteString("centerid", e.CenterId);
        json.WritePropertyName("data");
        // The log's own JSON (jsonb text, or what the publisher serialized): valid by construction.
        json.WriteRawValue(e.Data, skipInputValidation: true);
        json.WriteEndObject();
    }
}
