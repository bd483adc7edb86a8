using Lianxin.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis.Governance;

/// <summary>Every CSV download of the web host: the product's one writer (<see cref="CsvTable"/>) as a file result.</summary>
internal static class Csv
{
    public static FileContentHttpResult File(string fileName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows) =>
        File(fileName, CsvTable.Text(header, rows));

    /// <summary>CSV text made by <see cref="CsvTable"/> as a UTF-8 file with a byte-order mark.</summary>
    public static FileContentHttpResult File(string fileName, string csv) =>
        TypedResults.File(CsvTable.Utf8WithBom(csv), "text/csv; charset=utf-8", fileName);
}
