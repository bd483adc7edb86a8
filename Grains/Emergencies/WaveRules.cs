using Lianxin.Common;

namespace Lianxin.Emergencies;

/// <summary>
/// How a post filled in waves counts and calls people. Its quota is split into places: one per person of each skill
/// of its mix ("6, of them 1 medic" is 1 medical place and 5 general ones). Confirmations take places in the order
/// they came, a skill place first when the person has the skill, else a general place; a confirmation that finds no
/// place is surplus, thanked and stood down. Each wave asks exactly the places still open after the confirmed and the
/// still-pending asks, skill places from people with the skill.
/// </summary>
internal static class WaveRules
{
    private const double MetersPerDegree = 111_320;

    /// <summary>Who holds a place, how many of each skill, and the surplus to stand down, in confirmation order.</summary>
    public sealed record Fill(IReadOnlyList<string> Confirmed, IReadOnlyList<string> Surplus, IReadOnlyDictionary<string, int> BySkill);

    /// <summary>Places still open: per skill of the mix, and general ones.</summary>
    public sealed record Need(IReadOnlyList<(string Skill, int Count)> BySkill, int General)
    {
        public int Total => BySkill.Sum(s => s.Count) + General;
    }

    public static Fill Assign(PostSlot slot, RollCall rollCall)
    {
        var places = new Places(slot.Definition);
        var confirmed = new List<string>();
        var surplus = new List<string>();
        foreach (var ask in slot.Asks
            .Where(a => PostBoard.StateOf(slot, a, rollCall) == AskState.Accepted)
            .OrderBy(a => ConfirmedAt(a, rollCall)))
        {
            (places.Take(SkillsOf(slot, ask.VolunteerId)) ? confirmed : surplus).Add(ask.VolunteerId);
        }

        return new Fill(confirmed, surplus, places.Taken);
    }

    /// <summary>The places a new wave has to ask for: what neither a confirmation nor a pending ask holds.</summary>
    public static Need Shortfall(PostSlot slot, RollCall rollCall)
    {
        var places = new Places(slot.Definition);
        foreach (var ask in slot.Asks
            .Where(a => PostBoard.StateOf(slot, a, rollCall) == AskState.Accepted)
            .OrderBy(a => ConfirmedAt(a, rollCall)))
        {
            places.Take(SkillsOf(slot, ask.VolunteerId));
        }

        foreach (var ask in slot.Asks.Where(a => PostBoard.StateOf(slot, a, rollCall) == AskState.Pending))
        {
            places.Take(SkillsOf(slot, ask.VolunteerId));
        }

        return places.Open;
    }

    /// <summary>
    /// The wave new asks join: the open wave while any of its asks is pending (a decline is replaced within it),
    /// else the next one, which times out one ask timeout from now.
    /// </summary>
    public static (int Wave, DateTimeOffset Deadline) NextWave(PostSlot slot, RollCall rollCall, DateTimeOffset now, TimeSpan askTimeout) =>
        slot.WaveDeadline is { } deadline && deadline > now && slot.Asks.Any(a => PostBoard.StateOf(slot, a, rollCall) == AskState.Pending)
            ? (slot.Wave, deadline)
            : (slot.Wave + 1, now + askTimeout);

    /// <summary>Whether a person can take one of a skill's places.</summary>
    public static bool Has(PostSlot slot, string volunteerId, string skill) =>
        SkillsOf(slot, volunteerId).Contains(skill, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A wave post's ordered reserve: the prepared list first (those targeted with the required skills), then every
    /// other qualified person nearest to the post first (those with no known home last, in roll-call order).
    /// </summary>
    public static IReadOnlyList<string> Reserve(PostDefinition post, IReadOnlyList<PersonFacts> people)
    {
        var qualified = people.Where(p => Qualifies(post, p.Skills)).ToList();
        var byId = qualified.ToDictionary(p => p.VolunteerId, StringComparer.Ordinal);
        var prepared = post.Reserve.Where(byId.ContainsKey).Distinct(StringComparer.Ordinal).ToList();
        var inPrepared = prepared.ToHashSet(StringComparer.Ordinal);
        var nearest = qualified
            .Where(p => !inPrepared.Contains(p.VolunteerId))
            .Select((p, order) => (p.VolunteerId, Distance: post.Point is { } at && p.Home is { } home ? DistanceMeters(at, home) : double.MaxValue, order))
            .OrderBy(p => p.Distance).ThenBy(p => p.order)
            .Select(p => p.VolunteerId);
        return [.. prepared, .. nearest];
    }

    /// <summary>The skills of the post's mix each person has, for those who have any.</summary>
    public static Dictionary<string, string[]> MixSkills(PostDefinition post, IEnumerable<PersonFacts> people) =>
        people
            .Select(p => (p.VolunteerId, Skills: post.Mix.Select(n => n.Skill).Where(s => p.Skills.Contains(s, StringComparer.OrdinalIgnoreCase)).ToArray()))
            .Where(p => p.Skills.Length > 0)
            .DistinctBy(p => p.VolunteerId)
            .ToDictionary(p => p.VolunteerId, p => p.Skills, StringComparer.Ordinal);

    public static bool Qualifies(PostDefinition post, IReadOnlyList<string> skills) =>
        post.RequiredSkills.All(required => skills.Contains(required, StringComparer.OrdinalIgnoreCase));

    /// <summary>Ground distance on a local plane: exact enough to rank people within a district.</summary>
    public static double DistanceMeters(GeoPoint a, GeoPoint b)
    {
        var x = (b.Longitude - a.Longitude) * MetersPerDegree * Math.Cos((a.Latitude + b.Latitude) / 2 * Math.PI / 180);
        var y = (b.Latitude - a.Latitude) * MetersPerDegree;
        return Math.Sqrt((x * x) + (y * y));
    }

    private static IReadOnlyList<string> SkillsOf(PostSlot slot, string volunteerId) =>
        slot.MixSkills.TryGetValue(volunteerId, out var skills) ? skills : [];

    /// <summary>The first accepting answer after the ask: a later "at post" does not move someone back in line.</summary>
    private static long ConfirmedAt(PostAsk ask, RollCall rollCall) =>
        rollCall.Find(ask.VolunteerId)?.History
            .Where(h => h.Sequence > ask.Sequence && StatusRules.AcceptsAsk(h.Status))
            .Select(h => h.Sequence)
            .DefaultIfEmpty(long.MaxValue)
            .Min() ?? long.MaxValue;

    /// <summary>The open places of a post while confirmations and asks take them.</summary>
    private sealed class Places
    {
        private readonly List<(string Skill, int Open)> _skills;
        private int _general;

        public Places(PostDefinition post)
        {
            _skills = [.. post.Mix.Select(n => (n.Skill, n.Count))];
            _general = Math.Max(0, post.Quota - post.Mix.Sum(n => n.Count));
        }

        public Dictionary<string, int> Taken { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Need Open => new([.. _skills], _general);

        public bool Take(IReadOnlyList<string> skills)
        {
            for (var i = 0; i < _skills.Count; i++)
            {
                var (skill, open) = _skills[i];
                if (open > 0 && skills.Contains(skill, StringComparer.OrdinalIgnoreCase))
                {
                    _skills[i] = (skill, open - 1);
                    Taken[skill] = Taken.GetValueOrDefault(skill) + 1;
                    return true;
                }
            }

            if (_general > 0)
            {
                _general--;
                return true;
            }

            return false;
        }
    }
}

/// <summary>What filling a post needs to know of a targeted person.</summary>
internal sealed record PersonFacts(string VolunteerId, IReadOnlyList<string> Skills, GeoPoint? Home);
