using System.Globalization;
using System.Text.Json;

namespace Lianxin.Governance;

/// <summary>How governance findings write names and numbers: camelCase like the API, invariant digits.</summary>
internal static class GovernanceText
{
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static string Number(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    public static string Percent(double value) => value.ToString("0.#", CultureInfo.InvariantCulture) + " %";
}
