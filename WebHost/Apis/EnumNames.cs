using System.Text.Json;

namespace Lianxin.WebHost.Apis;

/// <summary>The camelCase names enums travel as on the wire.</summary>
internal static class EnumNames
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static IEnumerable<string> All<TEnum>()
        where TEnum : struct, Enum => Names<TEnum>.All.Select(n => n.Name);

    /// <summary>Parsed from the names computed once per enum: kiosk batches parse one or more per event.</summary>
    public static bool TryParse<TEnum>(string? name, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Names<TEnum>.All)
        {
            if (string.Equals(candidate.Name, name, StringComparison.Ordinal))
            {
                value = candidate.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static class Names<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly (string Name, TEnum Value)[] All = [.. Enum.GetValues<TEnum>().Select(v => (Of(v), v))];
    }
}
