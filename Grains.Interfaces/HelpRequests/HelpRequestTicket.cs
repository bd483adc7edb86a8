using Lianxin.Common;

namespace Lianxin.HelpRequests;

/// <summary>
/// A help request (有困难找中心): where and when it was opened, what it is about, its owner and state; the resident it
/// is for (<see cref="PersonId"/>) and, when staff opened it, who did (<see cref="OpenedBy"/>, role and token subject).
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.HelpRequestTicket")]
public sealed record HelpRequestTicket(
    [property: Id(0)] string Id,
    [property: Id(1)] string CenterId,
    [property: Id(2)] BasicFunction Function,
    [property: Id(3)] string Description,
    [property: Id(4)] string? PersonId,
    [property: Id(5)] string? KioskId,
    [property: Id(6)] Guid? SourceEventId,
    [property: Id(7)] DateTimeOffset OpenedAt,
    [property: Id(8)] HelpRequestState State,
    [property: Id(9)] string? Owner,
    [property: Id(10)] string? OpenedBy = null);
