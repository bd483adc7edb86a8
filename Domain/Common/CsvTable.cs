using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Lianxin.Common;

/// <summary>
/// The product's one CSV writer (RFC 4180) for every export: CRLF line ends, invariant numbers, ISO times, camelCase
/// enum names, and UTF-8 with a byte-order mark so Excel shows Chinese text. Text a spreadsheet would run as a formula
/// (starting with =, +, -, @, tab or CR, including "-1+1") is made plain with a leading apostrophe; numbers are
/// written as numbers and never touched, so a negative number stays a number.
/// </summary>
public static class CsvTable
{
    private static readonly byte[] Bom = Encoding.UTF8.GetPreamble();

    /// <summary>The table as CSV text: the header, then one line per row.</summary>
    public static string Text(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var text = new StringBuilder();
        AppendRow(text, header);
        foreach (var row in rows)
        {
            AppendRow(text, row);
        }

        return text.ToString();
    }

    /// <summary>CSV text as the bytes of a file: UTF-8 with its byte-order mark.</summary>
    public static byte[] Utf8WithBom(string csv) => [.. Bom, .. Encoding.UTF8.GetBytes(csv)];

    /// <summary>One cell as written: numbers, times, booleans and enums formatted, text defused and quoted.</summary>
    public static string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        float f => f.ToString("0.####", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        int or long => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        bool b => b ? "true" : "false",
        DateTimeOffset t => t.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Enum e => JsonNamingPolicy.CamelCase.ConvertName(e.ToString()),
        _ => Quote(Defuse(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")),
    };

    /// <summary>
    /// The one formula-defusing rule: text starting with =, +, -, @, tab or CR gets a leading apostrophe. "-1+1" is a
    /// formula to a spreadsheet, so a leading minus is defused whatever follows it.
    /// </summary>
    public static string Defuse(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static void AppendRow(StringBuilder text, IEnumerable<object?> cells)
    {
        text.AppendJoin(',', cells.Select(Cell));
        text.Append("\r\n");
    }

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
}
