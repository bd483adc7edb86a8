namespace Lianxin.Audit;

/// <summary>
/// One entry of the audit log: who did what to which subject, when, why and from where. Kept for every
/// launch, level change, end and cancel, on-behalf status, hours decision, check-out correction, kiosk key
/// issue or revocation, and registry change. <see cref="CenterPath"/> ("/ld/ld-dg/ld-dg-c01/") places the
/// subject in the center tree, so an auditor sees exactly their region's entries. <see cref="Key"/>, when given, names
/// the change itself (an emergency's journal event): an entry with a key already stored is not stored again, so a
/// change is audited exactly once however many retries it took.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.AuditRecord")]
public sealed record AuditRecord(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Actor,
    [property: Id(2)] string ActorRole,
    [property: Id(3)] string Action,
    [property: Id(4)] string Subject,
    [property: Id(5)] string? Reason,
    [property: Id(6)] string? From,
    [property: Id(7)] string? Details,
    [property: Id(8)] string CenterPath,
    [property: Id(9)] string? Key = null);
