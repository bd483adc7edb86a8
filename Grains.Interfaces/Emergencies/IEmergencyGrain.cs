namespace Lianxin.Emergencies;

/// <summary>
/// One emergency response (一键启动) and its live roll-call, keyed by emergency id. Every answer is durable
/// before it is acknowledged; after a restart the roll-call is rebuilt from the emergency's journal and its
/// reminders, asks and escalations resume.
/// </summary>
[Alias("Lianxin.IEmergencyGrain")]
public interface IEmergencyGrain : IGrainWithStringKey
{
    /// <summary>Starts the emergency; a second launch with the same command answers the first one.</summary>
    [Alias("Launch")]
    Task<LaunchResult> LaunchAsync(LaunchCommand command);

    /// <summary>The emergency, or null when never launched.</summary>
    [Alias("Get")]
    Task<EmergencyView?> GetAsync();

    /// <summary>The live roll-call, or null when never launched.</summary>
    [Alias("GetRollCall")]
    Task<RollCallSummary?> GetRollCallAsync();

    /// <summary>The people matching a filter, without their histories.</summary>
    [Alias("GetPeople")]
    Task<IReadOnlyList<PersonRollCall>> GetPeopleAsync(PeopleFilter filter);

    /// <summary>One person with every change of their status, or null when not in this roll-call.</summary>
    [Alias("GetPerson")]
    Task<PersonRollCall?> GetPersonAsync(string volunteerId);

    /// <summary>Records an answer, durably, before answering.</summary>
    [Alias("Respond")]
    Task<ReplyResult> RespondAsync(RollCallReply reply);

    /// <summary>Raises or lowers the level; everyone gets the update.</summary>
    [Alias("ChangeLevel")]
    Task<CommandResult> ChangeLevelAsync(LevelChange change);

    /// <summary>Ends the emergency and freezes every status.</summary>
    [Alias("End")]
    Task<CommandResult> EndAsync(CloseCommand command);

    /// <summary>Cancels the emergency: everyone is told to stand down; every status freezes.</summary>
    [Alias("Cancel")]
    Task<CommandResult> CancelAsync(CloseCommand command);

    /// <summary>The CAP 1.2 documents of the emergency's Alert / Update / Cancel chain.</summary>
    [Alias("GetCapDocuments")]
    Task<IReadOnlyList<CapDocument>> GetCapDocumentsAsync();

    /// <summary>The after-action report, or null when never launched.</summary>
    [Alias("GetReport")]
    Task<AfterActionReport?> GetReportAsync();

    /// <summary>Every outbound gateway attempt, oldest first.</summary>
    [Alias("GetDeliveries")]
    Task<IReadOnlyList<DeliveryAttempt>> GetDeliveriesAsync();

    /// <summary>What this emergency holds for one person (their page), or null when they are not on its roll-call.</summary>
    [Alias("GetAlertsFor"), ReadOnly]
    Task<PersonAlerts?> GetAlertsForAsync(string volunteerId);

    /// <summary>Activates the emergency so a live one resumes its schedule (silo start, reminder tick).</summary>
    [Alias("Wake")]
    Task WakeAsync();
}
