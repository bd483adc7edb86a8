using Lianxin.Ledger;

namespace Lianxin.WebHost.Apis.Residents;

/// <summary>
/// One person's things kept under several person ids (an ID card and the phone linked to it), shown as one: lists merged
/// newest first, and one ledger.
/// </summary>
internal static class PersonUnion
{
    /// <summary>
    /// Merges lists that are each newest first into one, newest first by <paramref name="at"/>, keeping each list's own
    /// order (a single list comes back as it is). An item without a time stays right after the one before it in its list;
    /// at the head of a list it counts as newest. Ties go to the earlier list (the canonical id's).
    /// </summary>
    public static IReadOnlyList<T> NewestFirst<T>(IReadOnlyList<IReadOnlyList<T>> lists, Func<T, DateTimeOffset?> at)
    {
        var next = new int[lists.Count];
        var keys = new DateTimeOffset[lists.Count];
        Array.Fill(keys, DateTimeOffset.MaxValue);
        var total = lists.Sum(l => l.Count);
        var merged = new List<T>(total);
        while (merged.Count < total)
        {
            var pick = -1;
            for (var i = 0; i < lists.Count; i++)
            {
                if (next[i] < lists[i].Count && (pick < 0 || Key(i) > Key(pick)))
                {
                    pick = i;
                }
            }

            keys[pick] = Key(pick);
            merged.Add(lists[pick][next[pick]++]);
        }

        return merged;

        DateTimeOffset Key(int list) => at(lists[list][next[list]]) ?? keys[list];
    }

    /// <summary>
    /// One ledger of the person whose canonical id is the first ledger's: every hours and points entry in time order, the
    /// balances added, the centers of all. A single ledger comes back as it is.
    /// </summary>
    public static PersonLedger Ledger(IReadOnlyList<PersonLedger> ledgers) => ledgers.Count == 1 ? ledgers[0] : new PersonLedger(
        ledgers[0].PersonId,
        [.. ledgers.SelectMany(l => l.Hours).OrderBy(h => h.From).ThenBy(h => h.Id)],
        [.. ledgers.SelectMany(l => l.Points).OrderBy(p => p.At)],
        ledgers.Sum(l => l.Balance),
        [.. ledgers.SelectMany(l => l.Centers).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        ledgers[0].MaxEntries);
}
