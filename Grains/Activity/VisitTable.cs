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

    /// <summary>Forgets the visits that match, keeping the others' order and links.</summary>
    public void RemoveAll(Func<VisitRow, bool> forget)
    {
        var moved = new int[_rows.Count];
        var kept = new List<VisitRow>(_rows.Count);
        for (var row = 0; row < _rows.Count; row++)
        {
            moved[row] = forget(_rows[row]) ? End : kept.Count;
            if (moved[row] != End)
            {
                kept.Add(_rows[row]);
            }
        }

        if (kept.Count == _rows.Count)
        {
            return;
        }

        // A kept visit links to the next kept visit of its person, past any forgotten between them.
        for (var row = 0; row < kept.Count; row++)
        {
            var next = kept[row].Next;
            while (next != End && moved[next] == End)
            {
                next = _rows[next].Next;
            }

            kept[row] = kept[row] with { Next = next == End ? End : moved[next] };
        }

        _rows = kept;
        _first = null;
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
