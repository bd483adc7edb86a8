using System.Text.Json;

namespace Lianxin.Listings;

/// <summary>Filter values as the index stores them: <c>name:value</c>, enums camelCase, free text lower-case.</summary>
public static class ListingTags
{
    /// <summary>The tag of an enum value, camelCase as on the wire.</summary>
    public static string Of<TEnum>(string name, TEnum value)
        where TEnum : struct, Enum =>
        $"{name}:{JsonNamingPolicy.CamelCase.ConvertName(value.ToString())}";

    /// <summary>The tag of a yes/no value.</summary>
    public static string Of(string name, bool value) => $"{name}:{(value ? "true" : "false")}";

    /// <summary>The tag of free text, trimmed and lower-case.</summary>
    public static string Of(string name, string value) => $"{name}:{value.Trim().ToLowerInvariant()}";
}
