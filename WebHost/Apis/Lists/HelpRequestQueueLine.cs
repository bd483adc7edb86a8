using Lianxin.Common;
using Lianxin.HelpRequests;

namespace Lianxin.WebHost.Apis.Lists;

/// <summary>A help request in the queue; <see cref="SecondsLeft"/> until its current time limit (negative: overdue; null: none runs).</summary>
public sealed record HelpRequestQueueLine(
    string Id, string CenterId, BasicFunction Function, HelpRequestState Stage, string? OwnerName, DateTimeOffset? DueAt, string? EscalatedTo, int EscalationLevel, long? SecondsLeft);
