using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lianxin.WebHost.Live;

/// <summary>
/// A delta the feed already wrote as JSON (live protocol version 2): the hub writes it into its message as it is,
/// so it is serialized once per feed, not per web host, scope or connection.
/// </summary>
[JsonConverter(typeof(Converter))]
public sealed record LiveDeltaText(string Json)
{
    private sealed class Converter : JsonConverter<LiveDeltaText>
    {
        public override LiveDeltaText Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(JsonDocument.ParseValue(ref reader).RootElement.GetRawText());

        // The feed wrote it with Utf8JsonWriter: it is valid JSON.
        public override void Write(Utf8JsonWriter writer, LiveDeltaText value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.Json, skipInputValidation: true);
    }
}
