namespace Lianxin.Emergencies;

/// <summary>
/// The roll-call of one emergency: who is targeted, every status change, and counts per status and per grid kept
/// up to date with each change. Changes may be applied in any order; the result depends only on their sequence
/// numbers, so a replay of the journal rebuilds exactly the live state.
/// </summary>
internal sealed class RollCall
{
    private const int StatusCount = 7;

    private readonly Dictionary<string, RollCallPerson> _people = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[]> _grids = new(StringComparer.Ordinal);
    private readonly List<string> _gridOrder = [];
    private readonly int[] _counts = new int[StatusCount];

    /// <summary>Changes accepted after this sequence number are ignored: the roll-call was frozen there.</summary>
    public long FrozenAfter { get; private set; } = long.MaxValue;

    public int SelfUpdates { get; private set; }

    public int OnBehalfUpdates { get; private set; }

    public int Count => _people.Count;

    public IEnumerable<RollCallPerson> People => _people.Values;

    public IReadOnlyList<string> GridIds => _gridOrder;

    public StatusCounts Counts => StatusCounts.From(_counts);

    public StatusCounts CountsOf(string gridId) =>
        _grids.TryGetValue(gridId, out var counts) ? StatusCounts.From(counts) : StatusCounts.Empty;

    public RollCallPerson? Find(string volunteerId) => _people.GetValueOrDefault(volunteerId);

    /// <summary>Adds a person as Unknown; false when they are on the roll-call already.</summary>
    public bool Target(string volunteerId, string gridId)
    {
        if (_people.ContainsKey(volunteerId))
        {
            return false;
        }

        _people[volunteerId] = new RollCallPerson(volunteerId, gridId);
        if (!_grids.TryGetValue(gridId, out var grid))
        {
            _grids[gridId] = grid = new int[StatusCount];
            _gridOrder.Add(gridId);
        }

        _counts[(int)RollCallStatus.Unknown]++;
        grid[(int)RollCallStatus.Unknown]++;
        return true;
    }

    /// <summary>
    /// Applies a change; false when it was ignored (after the freeze, or for someone not on the roll-call). A reply
    /// updates the person's status unless a later-accepted reply is there already; either way it joins the history.
    /// </summary>
    public bool Apply(StatusChange change)
    {
        if (change.Sequence > FrozenAfter || !_people.TryGetValue(change.VolunteerId, out var person))
        {
            return false;
        }

        var before = person.Status;
        person.Take(change);
        if (StatusRules.IsReply(change.Status))
        {
            if (change.OnBehalf)
            {
                OnBehalfUpdates++;
            }
            else
            {
                SelfUpdates++;
            }
        }

        var after = person.Status;
        if (before != after)
        {
            var grid = _grids[person.GridId];
            _counts[(int)before]--;
            grid[(int)before]--;
            _counts[(int)after]++;
            grid[(int)after]++;
        }

        return true;
    }

    /// <summary>Freezes every status as of a sequence number (end or cancel).</summary>
    public void Freeze(long sequence) => FrozenAfter = Math.Min(FrozenAfter, sequence);
}
