using Lianxin.Common.Journal;

namespace Lianxin.Emergencies;

/// <summary>
/// Everything an emergency knows, rebuilt from its journal: the roll-call, the posts, the phase and level, the
/// messages, the timeline and the gateway attempts. The live grain and a replay after a restart both go through
/// <see cref="Apply(object)"/>, so they cannot disagree.
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

    /// <summary>The sequence of the close, once closed.</summary>
    public long? ClosedSequence { get; private set; }

    /// <summary>The sequence of the level change that set the current level (null: the launch's level).</summary>
    public long? LevelSetAt { get; private set; }

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

    /// <summary>Applies a stored event read back from the journal.</summary>
    public void Apply(JournalEntry entry)
    {
        object? payload = entry.Type switch
        {
            EmergencyEvents.Launched => EmergencyEvents.Read<LaunchedEvent>(entry),
            EmergencyEvents.Targeted => EmergencyEvents.Read<TargetedEvent>(entry),
            EmergencyEvents.Message => EmergencyEvents.Read<MessageEvent>(entry),
            EmergencyEvents.Delivered => EmergencyEvents.Read<DeliveredEvent>(entry),
            EmergencyEvents.FanOutDone => EmergencyEvents.Read<FanOutDoneEvent>(entry),
            EmergencyEvents.Attempts => EmergencyEvents.Read<AttemptsEvent>(entry),
            EmergencyEvents.Status => EmergencyEvents.Read<StatusChange>(entry),
            EmergencyEvents.Reserve => EmergencyEvents.Read<ReserveEvent>(entry),
            EmergencyEvents.Asked => EmergencyEvents.Read<AskedEvent>(entry),
            EmergencyEvents.AskExpired => EmergencyEvents.Read<AskExpiredEvent>(entry),
            EmergencyEvents.Level => EmergencyEvents.Read<LevelEvent>(entry),
            EmergencyEvents.Closed => EmergencyEvents.Read<ClosedEvent>(entry),
            EmergencyEvents.Escalated => EmergencyEvents.Read<EscalatedEvent>(entry),
            EmergencyEvents.Dispatched => EmergencyEvents.Read<DispatchedEvent>(entry),
            EmergencyEvents.StoodDown => EmergencyEvents.Read<StoodDownEvent>(entry),
            _ => null,
        };
        if (payload is not null)
        {
            Apply(payload);
        }
    }

    /// <summary>Applies an event the live grain has just made durable (no need to read its JSON back).</summary>
    public void Apply(object payload)
    {
        switch (payload)
        {
            case LaunchedEvent e:
                On(e);
                break;
            case TargetedEvent e:
                On(e);
                break;
            case MessageEvent e:
                On(e);
                break;
            case DeliveredEvent e:
                On(e);
                break;
            case FanOutDoneEvent e:
                On(e);
                break;
            case AttemptsEvent e:
                On(e);
                break;
            case StatusChange e:
                On(e);
                break;
            case ReserveEvent e:
                On(e);
                break;
            case AskedEvent e:
                On(e);
                break;
            case AskExpiredEvent e:
                On(e);
                break;
            case LevelEvent e:
                On(e);
                break;
            case ClosedEvent e:
                On(e);
                break;
            case EscalatedEvent e:
                On(e);
                break;
            case DispatchedEvent e:
                On(e);
                break;
            case StoodDownEvent e:
                On(e);
                break;
        }
    }
}
