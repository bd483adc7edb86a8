namespace Lianxin.Emergencies;

/// <summary>
/// Where each person stands on each message's channels: the step (place in their channel order) last sent, whether a
/// gateway accepted it, and when. From this follows what is due: a refused send is tried again after a pause (nobody
/// is forgotten), and whoever has not confirmed receipt within the window is tried on their next channel.
/// </summary>
internal sealed class ChannelLadder
{
    private readonly Dictionary<int, Dictionary<string, ChannelMark>> _marks = [];

    /// <summary>Takes a dispatch in; a later step wins, and an accepted send is never undone by a refused one.</summary>
    public void Record(int number, int step, DateTimeOffset at, IEnumerable<string> volunteerIds, bool accepted)
    {
        if (!_marks.TryGetValue(number, out var marks))
        {
            _marks[number] = marks = new Dictionary<string, ChannelMark>(StringComparer.Ordinal);
        }

        foreach (var volunteerId in volunteerIds)
        {
            if (!marks.TryGetValue(volunteerId, out var mark) || step > mark.Step || (step == mark.Step && !mark.Accepted))
            {
                marks[volunteerId] = new ChannelMark(step, accepted, at);
            }
        }
    }

    /// <summary>Whether anything was sent to the person for the message, accepted or not.</summary>
    public bool Tracked(int number, string volunteerId) => _marks.TryGetValue(number, out var marks) && marks.ContainsKey(volunteerId);

    public ChannelMark? Mark(int number, string volunteerId) =>
        _marks.TryGetValue(number, out var marks) && marks.TryGetValue(volunteerId, out var mark) ? mark : null;

    /// <summary>The sends due now: (message, step, person).</summary>
    public List<(int Number, int Step, string VolunteerId)> Due(DateTimeOffset now, ChannelRules rules)
    {
        var due = new List<(int, int, string)>();
        foreach (var (number, marks) in _marks)
        {
            foreach (var (volunteerId, mark) in marks)
            {
                if (DueAt(number, volunteerId, mark, rules) is { } at && at <= now)
                {
                    due.Add((number, mark.Accepted ? mark.Step + 1 : mark.Step, volunteerId));
                }
            }
        }

        return due;
    }

    /// <summary>The earliest moment anything becomes due, or null when nothing will.</summary>
    public DateTimeOffset? NextDue(ChannelRules rules)
    {
        DateTimeOffset? next = null;
        foreach (var (number, marks) in _marks)
        {
            foreach (var (volunteerId, mark) in marks)
            {
                if (DueAt(number, volunteerId, mark, rules) is { } at && (next is null || at < next))
                {
                    next = at;
                }
            }
        }

        return next;
    }

    private static DateTimeOffset? DueAt(int number, string volunteerId, ChannelMark mark, ChannelRules rules)
    {
        if (!mark.Accepted)
        {
            return mark.At + rules.RetryAfter;
        }

        return rules.Escalates(number) && !rules.Confirmed(volunteerId) && mark.Step + 1 < rules.Channels(volunteerId)
            ? mark.At + rules.Window
            : null;
    }
}

/// <summary>One person's place on one message's channels.</summary>
internal sealed record ChannelMark(int Step, bool Accepted, DateTimeOffset At);

/// <summary>
/// What the ladder needs to know from the roll-call: the window, the pause before a refused send is tried again,
/// which messages move on to the next channel, who confirmed receipt, and how many channels each person has.
/// </summary>
internal sealed record ChannelRules(
    TimeSpan Window, TimeSpan RetryAfter, Func<int, bool> Escalates, Func<string, bool> Confirmed, Func<string, int> Channels);
