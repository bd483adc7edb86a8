namespace Lianxin.Emergencies;

// The journal payloads of an emergency's stream. A schema: fields are only ever added, never renamed.

/// <summary>The emergency was launched.</summary>
internal sealed record LaunchedEvent(long Sequence, DateTimeOffset At, string Name, EmergencyMode Mode, EmergencyLevel Level, string By, int People);

/// <summary>
/// People put on the roll-call, as [volunteerId, gridId] pairs, with how to reach each (read from the grid rosters
/// at launch, so delivery needs no read of the person).
/// </summary>
internal sealed record TargetedEvent(long Sequence, IReadOnlyList<string[]> People, IReadOnlyList<TargetContact>? Contacts = null);

/// <summary>How one targeted person is reached: the gateways' name and phone, skills for posts, outbound channels in order.</summary>
internal sealed record TargetContact(string VolunteerId, string Name, string Phone, IReadOnlyList<string> Skills, IReadOnlyList<AlertChannel> Channels);

/// <summary>
/// A batch of a message went to an outbound channel (step = the channel's place in each person's order): accepted
/// by one of the channel's gateways, or refused by all of them (then retried later).
/// </summary>
internal sealed record DispatchedEvent(long Sequence, int Number, AlertChannel Channel, int Step, DateTimeOffset At, IReadOnlyList<string> VolunteerIds, bool Accepted);

/// <summary>A message was sent (to everyone, to the unanswered, to one person).</summary>
internal sealed record MessageEvent(
    long Sequence, int Number, AlertKind Kind, DateTimeOffset At, EmergencyLevel Level, string Headline, string Text,
    string? Instruction, int Recipients, string? PostId, string? To, int Round);

/// <summary>A message is on these people's pages (in-app): durable in the emergency, pushed to the open pages.</summary>
internal sealed record DeliveredEvent(long Sequence, int Number, DateTimeOffset At, IReadOnlyList<string> VolunteerIds);

/// <summary>Every recipient of a message that is delivered to everyone has been tried.</summary>
internal sealed record FanOutDoneEvent(long Sequence, int Number, DateTimeOffset At, int Delivered);

/// <summary>The outbound gateway attempts of one batch.</summary>
internal sealed record AttemptsEvent(long Sequence, IReadOnlyList<DeliveryAttempt> Attempts);

/// <summary>A post's reserve list was settled, with the skills of the post's mix each person has.</summary>
internal sealed record ReserveEvent(long Sequence, string PostId, IReadOnlyList<string> VolunteerIds, IReadOnlyDictionary<string, string[]>? MixSkills = null);

/// <summary>A person was asked for a post (in a wave, for posts filled in waves) and has until the deadline to answer.</summary>
internal sealed record AskedEvent(long Sequence, string PostId, string VolunteerId, DateTimeOffset At, DateTimeOffset Deadline, int Wave = 0);

/// <summary>A confirmation beyond a post's places was thanked and stood down.</summary>
internal sealed record StoodDownEvent(long Sequence, string PostId, string VolunteerId, DateTimeOffset At);

/// <summary>An ask was not answered in time; the next person will be asked.</summary>
internal sealed record AskExpiredEvent(long Sequence, string PostId, string VolunteerId, DateTimeOffset At);

/// <summary>The level changed.</summary>
internal sealed record LevelEvent(long Sequence, EmergencyLevel From, EmergencyLevel To, DateTimeOffset At, string By, string? Comment);

/// <summary>The emergency ended or was cancelled; statuses froze here.</summary>
internal sealed record ClosedEvent(long Sequence, EmergencyPhase Phase, DateTimeOffset At, string By, string? Comment);

/// <summary>The unaccounted were escalated: "gridLead" or "command".</summary>
internal sealed record EscalatedEvent(long Sequence, string Tier, DateTimeOffset At, IReadOnlyDictionary<string, int> ByGrid);
