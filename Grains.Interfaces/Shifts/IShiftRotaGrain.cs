namespace Lianxin.Shifts;

/// <summary>
/// The duty rota of one center (keyed by center id): its recurring shift definitions and their occurrences from now to
/// a couple of weeks ahead, with the places people took, reminders, short-of-people alerts and attendance.
/// </summary>
[Alias("Lianxin.IShiftRotaGrain")]
public interface IShiftRotaGrain : IGrainWithStringKey
{
    /// <summary>Creates or changes a shift: future occurrences follow the new pattern, keeping the places taken on days it still runs.</summary>
    [Alias("Define")]
    Task<ShiftStepResult> DefineAsync(ShiftDefinition definition, string by);

    /// <summary>Retires a shift: no new occurrences; future ones are removed and the people on them told.</summary>
    [Alias("Retire")]
    Task<ShiftStepResult> RetireAsync(string shiftId, string by);

    /// <summary>The rota as it is now.</summary>
    [Alias("Get"), ReadOnly]
    Task<ShiftRota> GetAsync();

    /// <summary>Takes a place on an occurrence, first come up to the maximum; one place per person, re-sends answered the same.</summary>
    [Alias("SignUp")]
    Task<ShiftSignUpAnswer> SignUpAsync(string occurrenceId, string personId, string? idempotencyKey, string by);

    /// <summary>Gives a place back before the occurrence starts.</summary>
    [Alias("Cancel")]
    Task<ShiftStepResult> CancelAsync(string occurrenceId, string personId, string by);

    /// <summary>The occurrences the person holds a place on (recent ones too), and the open ones they may take.</summary>
    [Alias("ForPerson"), ReadOnly]
    Task<IReadOnlyList<PersonShiftLine>> ForPersonAsync(string personId);

    /// <summary>Occurrences within a day of starting that are still short of their minimum.</summary>
    [Alias("AtRisk"), ReadOnly]
    Task<IReadOnlyList<ShiftOccurrence>> GetAtRiskAsync();

    /// <summary>
    /// The person started duty at this center (told in memory by their actor as the center's presence sees them come
    /// in): the occurrence that moment falls in credits their attendance. Nothing is written unless they hold a place.
    /// </summary>
    [Alias("CreditDuty"), OneWay]
    Task CreditDutyAsync(string personId);

    /// <summary>Takes the time-based steps that are due: new occurrences, reminders, short-of-people alerts, attendance.</summary>
    [Alias("Tick")]
    Task TickAsync();

    /// <summary>
    /// The sender is done with these texts of the outbox (sent, or nobody to send them to): they leave it, durably, and
    /// are never sent again.
    /// </summary>
    [Alias("TextsDone"), OneWay]
    Task TextsDoneAsync(IReadOnlyList<string> textIds);

    /// <summary>The phone (an office or duty number) that gets the short-of-people alert by SMS, or null when none is registered.</summary>
    [Alias("GetStaffContact"), ReadOnly]
    Task<string?> GetStaffContactAsync();

    /// <summary>Registers the staff contact's phone, or removes it (null); durable before it answers.</summary>
    [Alias("SetStaffContact")]
    Task SetStaffContactAsync(string? phone, string by);
}
