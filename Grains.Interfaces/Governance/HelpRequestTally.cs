namespace Lianxin.Governance;

/// <summary>
/// A year's help requests of one center, by how they ended. On time means resolved without ever going
/// overdue in any state; a request still open past its time limit counts against the center like a late one.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.HelpRequestTally")]
public sealed record HelpRequestTally(
    [property: Id(0)] int ClosedOnTime,
    [property: Id(1)] int ClosedLate,
    [property: Id(2)] int OpenOverdue)
{
    /// <summary>Requests that count for the on-time share.</summary>
    public int Counted => ClosedOnTime + ClosedLate + OpenOverdue;
}
