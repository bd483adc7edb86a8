using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lianxin.Live;

/// <summary>
/// How live items look as JSON on <c>/hubs/live</c>: camelCase names, enums as camelCase strings. The hub's
/// payloads and the feeds' version-2 patches use these same options, so a patch always matches the items of the
/// snapshot it applies to.
/// </summary>
public static class LiveJson
{
    /// <summary>The options every live delta is written and read with.</summary>
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions());

    /// <summary>Applies the live wire settings to <paramref name="options"/> (the hub's payload options).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        return options;
    }
}
