using System.Buffers;
using System.Runtime.InteropServices;

namespace Lianxin.Activity;

/// <summary>
/// A center's visits, compact: one row per visit in a single list, each person's visits linked in check-in order, and
/// each person's and kiosk's id held once. A busy center holds tens of thousands of visits; as objects (a record per
/// visit, replaced at check-out, and a list per person) they were what the host's young collections spent their pauses
/// marking (BENCHMARKS.md (1n)). As rows, a new person adds their id and a check-out rewrites a row in place.
/// A schema: members are only ever added.
/// </summary>
[GenerateSerializer, Alias("Lianxin.VisitTable")]
public sealed class VisitTable
{
    /// <summary>The link of a person's last visit.</summary>
    public const int End = -1;

    [Id(0)] private List<VisitRow> _rows = [];

    /// <summary>Each person's earliest row, built from the links when first needed (they are not stored).</summary>
    [NonSerialized] private Dictionary<string, int>? _first;
    [NonSerialized] private HashSet<string>? _kiosks;

    public int Count => _rows.Count;

    public VisitRow this[int row] => _rows[row];

    /// <summary>The person's earliest visit here, or <see cref="End"/>; the rest follow through <see cref="VisitRow.Next"/>.</summary>
    public int FirstOf(string personId) => First.GetValueOrDefault(personId, End);

    /// <summary>
    /// Adds a visit after the person's visits that began at or before it, and answers its row. The row keeps the ids
    /// already held here, so a returning person or a known kiosk adds nothing but the row.
    /// </summary>
    public int Add(VisitRow visit)
    {
        var row = _rows.Count;
        ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(First, visit.PersonId, out var known);
        var personId = known ? _rows[first].PersonId : visit.PersonId;
        _kiosks ??= new(StringComparer.Ordinal);
        if (!_kiosks.TryGetValue(visit.KioskId, out var kioskId))
        {
            _kiosks.Add(kioskId = visit.KioskId);
        }

        var before = End;
        var after = known ? first : End;
        while (after != End && _rows[after].CheckedInAt <= visit.CheckedInAt)
        {
            (before, after) = (after, _rows[after].Next);
        }

        _rows.Add(visit with { PersonId = personId, KioskId = kioskId, Next = after });
        if (before == End)
        {
            first = row;
        }
        else
        {
            _rows[before] = _rows[before] with { Next = row };
        }

        return row;
    }

    /// <summary>Rewrites a visit's row; its person and place among the person's visits stay.</summary>
    public void Set(int row, VisitRow visit) => _rows[row] = visit with { PersonId = _rows[row].PersonId, Next = _rows[row].Next };

    /// <summary>
    /// Forgets the visits that match, keeping the others' order and links. In place: a center prunes on every check
    /// (every 15 s) and usually forgets nothing or a few visits of tens of thousands; a new list each time, and the list
    /// growing again after it, were the host's largest allocations of large objects (BENCHMARKS.md (1q)).
    /// </summary>
    public void RemoveAll(Func<VisitRow, bool> forget)
    {
        var rows = CollectionsMarshal.AsSpan(_rows);
        var firstForgotten = 0;
        while (firstForgotten < rows.Length && !forget(rows[firstForgotten]))
        {
            firstForgotten++;
        }

        if (firstForgotten == rows.Length)
        {
            return;
        }

        var moved = ArrayPool<int>.Shared.Rent(rows.Length);
        var links = ArrayPool<int>.Shared.Rent(rows.Length);
        try
        {
            // Where each row goes (End when forgotten); the rows before the first forgotten one stay where they are.
            for (var row = 0; row < firstForgotten; row++)
            {
                moved[row] = row;
            }

            moved[firstForgotten] = End;
            var kept = firstForgotten;
            for (var row = firstForgotten + 1; row < rows.Length; row++)
            {
                moved[row] = forget(rows[row]) ? End : kept++;
            }

            // A kept visit links to the next kept visit of its person, past any forgotten between them; worked out
            // before any row moves, since a person's later visit can sit in an earlier row.
            for (var row = 0; row < rows.Length; row++)
            {
                links[row] = moved[row] == End ? End : NextKept(rows, moved, rows[row].Next);
            }

            if (_first is { } first)
            {
                foreach (var (person, head) in first)
                {
                    var row = NextKept(rows, moved, head);
                    if (row == End)
                    {
                        first.Remove(person);
                    }
                    else
                    {
                        CollectionsMarshal.GetValueRefOrNullRef(first, person) = row;
                    }
                }
            }

            // A kept row only moves to an earlier place, so no row is overwritten before it is read.
            for (var row = 0; row < rows.Length; row++)
            {
                if (moved[row] != End)
                {
                    rows[moved[row]] = rows[row] with { Next = links[row] };
                }
            }

            _rows.RemoveRange(kept, rows.Length - kept);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(moved);
            ArrayPool<int>.Shared.Return(links);
        }
    }

    /// <summary>The table holding visits kept per person (ordered by check-in), as centers stored them before rows.</summary>
    public static VisitTable From(Dictionary<string, List<Visit>> visits)
    {
        var table = new VisitTable();
        foreach (var visit in visits.Values.SelectMany(v => v))
        {
            table.Add(VisitRow.From(visit));
        }

        return table;
    }

    /// <summary>The new row of the first kept visit from <paramref name="row"/> on along a person's links, or <see cref="End"/>.</summary>
    private static int NextKept(Span<VisitRow> rows, int[] moved, int row)
    {
        while (row != End && moved[row] == End)
        {
            row = rows[row].Next;
        }

        return row == End ? End : moved[row];
    }

    private Dictionary<string, int> First => _first ??= Heads();

    /// <summary>A person's earliest visit is the row no other row links to.</summary>
    private Dictionary<string, int> Heads()
    {
        var linked = new bool[_rows.Count];
        foreach (var visit in _rows)
        {
            if (visit.Next != End)
            {
                linked[visit.Next] = true;
            }
        }

        var heads = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var row = 0; row < _rows.Count; row++)
        {
            if (!linked[row])
            {
                heads[_rows[row].PersonId] = row;
            }
        }

        return heads;
    }
}
