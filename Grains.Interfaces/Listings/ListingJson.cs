using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lianxin.Listings;

/// <summary>How listing items are stored as JSON: camelCase names, enums as camelCase strings, as the API shows them.</summary>
public static class ListingJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public static string Write<T>(T item) => JsonSerializer.Serialize(item, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;
}
