using Lianxin.Common.Journal;

namespace Lianxin.Emergencies;

/// <summary>
/// Everything an emergency knows, rebuilt from its journal: the roll-call, the posts, the phase and level, the
/// messages, the timeline and the gateway attempts. The live grain and a replay after a restart both go through
/// <see cref="Apply"/>, so they cannot disagree.
/// </summary>
internal sealed partial class EmergencyLedger
{
    private readonly Dictionary<string, string> _personByToken = new(StringComparer.Ordinal);
    private readonly Dictionary<int, HashSet<string>> _unfinishedFanOuts = [];

    public EmergencyLedger(EmergencyDefinition definition, byte[] secret)
    {
        Definition = definition;
        Tokens = new ReplyTokens(secret, definition.Id);
        Posts = new PostBoard(definition.Launch.Posts);
        Level = definition.Launch.Level;
    }

    public EmergencyDefinition Definition { get; }

    public string Id => Definition.Id;

    public ReplyTokens Tokens { get; }

    public RollCall RollCall { get; } = new();

    public PostBoard Posts { get; }

    /// <summary>False until the launch is in the journal: only then was it ever acknowledged.</summary>
    public bool Launched { get; private set; }

    public EmergencyPhase Phase { get; private set; } = EmergencyPhase.Running;

    public bool IsRunning => Launched && Phase == EmergencyPhase.Running;

    public EmergencyLevel Level { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public long LastSequence { get; private set; }

    public int LastMessageNumber { get; private set; }

    public List<MessageEvent> Messages { get; } = [];

    public List<TimelineEvent> Timeline { get; } = [];

    public List<DeliveryAttempt> Attempts { get; } = [];

    public ScheduleProgress Progress { get; private set; } = new(0, false, false);

    public long NextSequence() => ++LastSequence;

    public int NextMessageNumber() => ++LastMessageNumber;

    public string? PersonOfToken(string token) => _personByToken.GetValueOrDefault(token);

    /// <summary>Messages to everyone whose delivery was interrupted, with who already has them.</summary>
    public IEnumerable<(MessageEvent Message, IReadOnlySet<string> Delivered)> UnfinishedFanOuts =>
        Messages.Where(m => _unfinishedFanOuts.ContainsKey(m.Number)).Select(m => (m, (IReadOnlySet<string>)_unfinishedFanOuts[m.Number]));

    /// <summary>The latest message to everyone, which a person's page shows (the alert, or the latest update).</summary>
    public MessageEvent? LatestBroadcast => Messages.LastOrDefault(m => IsBroadcast(m.Kind));

    public static bool IsBroadcast(AlertKind kind) => kind is AlertKind.Alert or AlertKind.Update or AlertKind.Cancel or AlertKind.End;

    public void Apply(JournalEntry entry)
    {
        switch (entry.Type)
        {
            case EmergencyEvents.Launched:
                On(EmergencyEvents.Read<LaunchedEvent>(entry));
                break;
            case EmergencyEvents.Targeted:
                On(EmergencyEvents.Read<TargetedEvent>(entry));
                break;
            case EmergencyEvents.Message:
                On(EmergencyEvents.Read<MessageEvent>(entry));
                break;
            case EmergencyEvents.Delivered:
                On(EmergencyEvents.Read<DeliveredEvent>(entry));
                break;
            case EmergencyEvents.FanOutDone:
                On(EmergencyEvents.Read<FanOutDoneEvent>(entry));
                break;
            case EmergencyEvents.Attempts:
                On(EmergencyEvents.Read<AttemptsEvent>(entry));
                break;
            case EmergencyEvents.Status:
                On(EmergencyEvents.Read<StatusChange>(entry));
                break;
            case EmergencyEvents.Reserve:
                On(EmergencyEvents.Read<ReserveEvent>(entry));
                break;
            case EmergencyEvents.Asked:
                On(EmergencyEvents.Read<AskedEvent>(entry));
                break;
            case EmergencyEvents.AskExpired:
                On(EmergencyEvents.Read<AskExpiredEvent>(entry));
                break;
            case EmergencyEvents.Level:
                On(EmergencyEvents.Read<LevelEvent>(entry));
                break;
            case EmergencyEvents.Closed:
                On(EmergencyEvents.Read<ClosedEvent>(entry));
                break;
            case EmergencyEvents.Escalated:
                On(EmergencyEvents.Read<EscalatedEvent>(entry));
                break;
        }
    }

    private void Seen(long sequence) => LastSequence = Math.Max(LastSequence, sequence);

    private void On(LaunchedEvent e)
    {
        Seen(e.Sequence);
        Launched = true;
        Timeline.Add(new TimelineEvent(e.At, "launched", $"{AlertTexts.Prefix(e.Mode)}{e.Name}：{AlertTexts.LevelName(e.Level)}，{e.People}人，由{e.By}启动"));
    }

    private void On(TargetedEvent e)
    {
        Seen(e.Sequence);
        foreach (var pair in e.People)
        {
            if (pair is [var volunteerId, var gridId] && RollCall.Target(volunteerId, gridId))
            {
                var token = Tokens.For(volunteerId);
                RollCall.Find(volunteerId)!.Token = token;
                _personByToken[token] = volunteerId;
            }
        }
    }

    private void On(MessageEvent e)
    {
        Seen(e.Sequence);
        Messages.Add(e);
        LastMessageNumber = Math.Max(LastMessageNumber, e.Number);
        if (e.Kind == AlertKind.Reminder)
        {
            Progress = Progress with { LastReminder = Math.Max(Progress.LastReminder, e.Round) };
        }

        if (IsBroadcast(e.Kind))
        {
            _unfinishedFanOuts.TryAdd(e.Number, new HashSet<string>(StringComparer.Ordinal));
        }

        Timeline.Add(new TimelineEvent(e.At, "message", $"#{e.Number} {e.Kind}：{e.Recipients}人{(e.To is null ? "" : $"（{e.To}）")}"));
    }

    private void On(DeliveredEvent e)
    {
        Seen(e.Sequence);
        _unfinishedFanOuts.TryGetValue(e.Number, out var delivered);
        foreach (var volunteerId in e.VolunteerIds)
        {
            delivered?.Add(volunteerId);
            if (RollCall.Find(volunteerId) is { Notified: false })
            {
                RollCall.Apply(new StatusChange(e.Sequence, volunteerId, RollCallStatus.Notified, e.At, RollCallChannel.App, "system", false, null, null));
            }
        }
    }

    private void On(FanOutDoneEvent e)
    {
        Seen(e.Sequence);
        _unfinishedFanOuts.Remove(e.Number);
    }

    private void On(AttemptsEvent e)
    {
        Seen(e.Sequence);
        Attempts.AddRange(e.Attempts);
    }

    private void On(StatusChange e)
    {
        Seen(e.Sequence);
        RollCall.Apply(e);
    }

    private void On(ReserveEvent e)
    {
        Seen(e.Sequence);
        if (Posts.Find(e.PostId) is { } slot)
        {
            slot.Reserve = e.VolunteerIds;
        }
    }

    private void On(AskedEvent e)
    {
        Seen(e.Sequence);
        Posts.RecordAsk(e.PostId, e.VolunteerId, e.Sequence, e.At, e.Deadline);
        Timeline.Add(new TimelineEvent(e.At, "asked", $"{e.VolunteerId} → {e.PostId}"));
    }

    private void On(AskExpiredEvent e)
    {
        Seen(e.Sequence);
        Posts.RecordExpiry(e.PostId, e.VolunteerId);
        Timeline.Add(new TimelineEvent(e.At, "askExpired", $"{e.VolunteerId} → {e.PostId}"));
    }

    private void On(LevelEvent e)
    {
        Seen(e.Sequence);
        Level = e.To;
        Timeline.Add(new TimelineEvent(e.At, "level", $"{AlertTexts.LevelName(e.From)} → {AlertTexts.LevelName(e.To)}，{e.By}{Comment(e.Comment)}"));
    }

    private void On(ClosedEvent e)
    {
        Seen(e.Sequence);
        Phase = e.Phase;
        ClosedAt = e.At;
        RollCall.Freeze(e.Sequence);
        Timeline.Add(new TimelineEvent(e.At, e.Phase == EmergencyPhase.Cancelled ? "cancelled" : "ended", $"{e.By}{Comment(e.Comment)}"));
    }

    private void On(EscalatedEvent e)
    {
        Seen(e.Sequence);
        Progress = e.Tier == EscalationTiers.Command ? Progress with { CommandEscalated = true } : Progress with { GridLeadsEscalated = true };
        Timeline.Add(new TimelineEvent(e.At, "escalated", $"{e.Tier}：{e.ByGrid.Values.Sum()}人未应答，{e.ByGrid.Count}个网格"));
    }

    private static string Comment(string? comment) => comment is { Length: > 0 } ? $"：{comment}" : "";
}
