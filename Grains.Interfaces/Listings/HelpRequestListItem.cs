using Lianxin.Common;
using Lianxin.HelpRequests;

namespace Lianxin.Listings;

/// <summary>A help request as the queue shows it: no description and no resident, only where it stands and by when.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.HelpRequestListItem")]
public sealed record HelpRequestListItem(
    [property: Id(0)] string Id,
    [property: Id(1)] string CenterId,
    [property: Id(2)] BasicFunction Function,
    [property: Id(3)] HelpRequestState Stage,
    [property: Id(4)] string? OwnerName,
    [property: Id(5)] DateTimeOffset? DueAt,
    [property: Id(6)] string? EscalatedTo,
    [property: Id(7)] int EscalationLevel);
