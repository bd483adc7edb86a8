using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lianxin.Listings;

/// <summary>How listing items are stored as JSON: camelCase names, enums as camelCase strings, as the API shows them.</summary>
public static class ListingJson
{
    /// <summary>The web defaults (camelCase), enums as camelCase strings.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>An item as the JSON a listing line carries.</summary>
    public static string Write<T>(T item) => JsonSerializer.Serialize(item, Options);

    /// <summary>An item back from a listing line's JSON.</summary>
    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;
}
