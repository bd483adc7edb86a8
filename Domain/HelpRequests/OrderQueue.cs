using System.Globalization;
using System.Text;

namespace Lianxin.HelpRequests;

/// <summary>
/// The order of a center's queue and its cursors, pure: soonest due first, those without a limit last, then by id, so
/// a position is stable while items come and go. A cursor names the last item's (due, id) position, base64url-encoded.
/// </summary>
public static class OrderQueue
{
    public static OrderQueuePage Page(IEnumerable<OrderQueueItem> items, HelpRequestState? stage, string? after, int limit)
    {
        var matching = items.Where(i => stage is null || i.Stage == stage).OrderBy(Position, PositionComparer.Instance).ToList();
        var start = 0;
        if (after is not null && Decode(after) is { } from)
        {
            start = matching.FindIndex(i => PositionComparer.Instance.Compare(Position(i), from) > 0);
            start = start < 0 ? matching.Count : start;
        }

        var page = matching.Skip(start).Take(limit).ToList();
        var next = start + page.Count < matching.Count && page.Count > 0 ? Encode(Position(page[^1])) : null;
        return new OrderQueuePage(page, next, matching.Count);
    }

    /// <summary>True when <paramref name="cursor"/> is one this queue wrote.</summary>
    public static bool IsCursor(string cursor) => Decode(cursor) is not null;

    private static (long Due, string Id) Position(OrderQueueItem item) => (item.DueAt?.UtcTicks ?? long.MaxValue, item.Id);

    private static string Encode((long Due, string Id) position) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{position.Due.ToString(CultureInfo.InvariantCulture)}|{position.Id}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static (long Due, string Id)? Decode(string cursor)
    {
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=')));
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            return bar > 0 && long.TryParse(text[..bar], NumberStyles.None, CultureInfo.InvariantCulture, out var due) && bar < text.Length - 1
                ? (due, text[(bar + 1)..])
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private sealed class PositionComparer : IComparer<(long Due, string Id)>
    {
        public static readonly PositionComparer Instance = new();

        public int Compare((long Due, string Id) x, (long Due, string Id) y) =>
            x.Due != y.Due ? x.Due.CompareTo(y.Due) : string.CompareOrdinal(x.Id, y.Id);
    }
}
