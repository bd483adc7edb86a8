namespace Lianxin.Shifts;

/// <summary>
/// What a tick of the rota decided, for its actor to carry out after writing: people to remind, occurrences newly short
/// of their minimum (staff alerted, available people invited), and people whose duty to ask as an occurrence starts.
/// </summary>
public sealed record RotaTick(
    bool Changed,
    IReadOnlyList<(ShiftOccurrence Occurrence, IReadOnlyList<string> People)> Reminders,
    IReadOnlyList<ShiftOccurrence> NewlyAtRisk,
    IReadOnlyList<(ShiftOccurrence Occurrence, IReadOnlyList<string> People)> DutyChecks);
