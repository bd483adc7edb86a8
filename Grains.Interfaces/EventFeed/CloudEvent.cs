using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lianxin.EventFeed;

/// <summary>
/// An outbound event in the CloudEvents 1.0 JSON format (structured mode), as both the pull API and push delivery send
/// it. <c>sequence</c> (the CloudEvents sequence extension) is the global cursor as a decimal string; <c>centerid</c>
/// is the center the event belongs to.
/// </summary>
public sealed record CloudEvent(
    [property: JsonPropertyName("specversion")] string SpecVersion,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("subject"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Subject,
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("datacontenttype")] string DataContentType,
    [property: JsonPropertyName("sequence")] string Sequence,
    [property: JsonPropertyName("centerid")] string CenterId,
    [property: JsonPropertyName("data")] JsonElement Data)
{
    /// <summary>The media type of one event in structured mode.</summary>
    public const string MediaType = "application/cloudevents+json";

    /// <summary>The CloudEvent of a stored feed record, its data carried as JSON.</summary>
    public static CloudEvent From(FeedRecord record)
    {
        var e = record.Event;
        using var data = JsonDocument.Parse(e.Data);
        return new CloudEvent(
            "1.0", e.Id, e.Source, e.Type, e.Subject, e.Time, "application/json",
            record.Position.ToString(CultureInfo.InvariantCulture), e.CenterId, data.RootElement.Clone());
    }

    /// <summary>The event's JSON text as it is sent and signed.</summary>
    public static byte[] Serialize(FeedRecord record) => JsonSerializer.SerializeToUtf8Bytes(From(record));
}
