using System.Text.Json;

namespace Lianxin.Listings;

/// <summary>Filter values as the index stores them: <c>name:value</c>, enums camelCase, free text lower-case.</summary>
public static class ListingTags
{
    public static string Of<TEnum>(string name, TEnum value)
        where TEnum : struct, Enum =>
        $"{name}:{JsonNamingPolicy.CamelCase.ConvertName(value.ToString())}";

    public static string Of(string name, bool value) => $"{name}:{(value ? "true" : "false")}";

    public static string Of(string name, string value) => $"{name}:{value.Trim().ToLowerInvariant()}";
}
