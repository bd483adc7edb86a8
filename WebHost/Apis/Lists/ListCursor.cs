using System.Buffers.Text;
using System.Text.Json;
using Lianxin.Listings;

namespace Lianxin.WebHost.Apis.Lists;

/// <summary>
/// The opaque <c>cursor</c> of a list: the order it was taken in and the last line shown, base64url. A page follows
/// strictly after that line, so lines added or removed meanwhile neither repeat nor push others off a page. A cursor
/// read with another order is refused, as is anything that is not one.
/// </summary>
public static class ListCursor
{
    private const string Version = "1";

    public static string Encode(ListingSort sort, bool descending, ListingPosition last) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new[] { Version, Order(sort, descending), last.SortKey, last.Id }));

    /// <summary>The position, or null with <paramref name="problem"/> saying why the text is not a cursor of this order.</summary>
    public static ListingPosition? Decode(string text, ListingSort sort, bool descending, out string? problem)
    {
        problem = null;
        try
        {
            if (text.Length <= 2048 && JsonSerializer.Deserialize<string[]>(Base64Url.DecodeFromChars(text)) is [Version, var order, var key, var id])
            {
                if (order == Order(sort, descending))
                {
                    return new ListingPosition(key, id);
                }

                problem = "This cursor belongs to another order of the list: keep sort and order as they were for the first page.";
                return null;
            }
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
        }

        problem = "Not a cursor of this list: pass the 'next' value of the previous page unchanged.";
        return null;
    }

    private static string Order(ListingSort sort, bool descending) =>
        $"{(sort == ListingSort.Id ? "id" : "key")}:{(descending ? "desc" : "asc")}";
}
