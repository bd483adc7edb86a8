using System.Security.Cryptography;
using System.Text;
using Lianxin.Governance;
using Lianxin.Ledger;
using Microsoft.Extensions.Logging;

namespace Lianxin.HelpRequests;

/// <summary>
/// Orders: dispatch, reject and claims go through the same step as every other action, so claims are serialized by
/// this actor and each accepted one is durable before it is answered. Once a finished order is confirmed (rated) or
/// its rating window closes, each claimer's ledger gets the hours from the start of the work to its resolution:
/// approved by the resident's confirmation, otherwise pending for staff to decide.
/// </summary>
internal sealed partial class HelpRequestGrain
{
    public Task<HelpRequestOutcome> DispatchAsync(OrderTerms terms, string actor, string? note) =>
        StepAsync((t, now) => lifecycle.Dispatch(t, terms, actor, now, note));

    public Task<HelpRequestOutcome> RejectAsync(string reason, string actor) =>
        StepAsync((t, now) => lifecycle.Reject(t, reason, actor, now));

    public Task<HelpRequestOutcome> ClaimAsync(LoopAssignee who, IReadOnlyList<string> skills, IReadOnlyList<string> teams) =>
        StepAsync((t, now) => lifecycle.Claim(t, who, skills, now, teams));

    /// <summary>Idempotent: each claimer's entry has an id derived from the order and the person, and the flag is written last.</summary>
    private async Task CreditHoursAsync()
    {
        if (Loop is not { Order: { } order } loop || state.State.HoursCredited
            || loop.Stage is not (HelpRequestState.Rated or HelpRequestState.Closed) || loop.ResolvedAt is not { } resolvedAt)
        {
            return;
        }

        var started = loop.History.LastOrDefault(h => h.Stage == HelpRequestState.InProgress)?.At ?? order.Claims[^1].At;
        var confirmedBy = loop.Stage == HelpRequestState.Rated ? loop.History[^1].Actor : null;
        foreach (var claim in order.Claims)
        {
            var hoursId = HoursId(Id, claim.Who.Id);
            var ledger = GrainFactory.GetGrain<IPersonLedgerGrain>(claim.Who.Id);
            // Kept by the ledger itself: no center holds an order's hours awaiting a decision.
            await ledger.KeepHoursAsync(new ServiceHours(hoursId, loop.CenterId, started, resolvedAt, AutomaticCheckOut: false));
            if (confirmedBy is not null)
            {
                // Already decided after a crash between the two calls: the ledger answers a conflict, and that is fine.
                await ledger.DecideHoursAsync(hoursId, approve: true, $"{confirmedBy} (confirmed order {Id})", null);
            }
        }

        state.State.HoursCredited = true;
        await state.WriteStateAsync();
        LogHoursCredited(Id, order.Claims.Count, confirmedBy is not null);
    }

    private static Guid HoursId(string orderId, string personId)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"order-hours/{orderId}/{personId}"), hash);
        return new Guid(hash[..16]);
    }

    private static OrderQueueItem QueueItem(LoopTicket loop) =>
        new(loop.Id, loop.CenterId, loop.Function, loop.Summary, loop.WorkStage, loop.EscalationLevel, loop.RaisedAt, loop.DueAt, loop.Order is not null,
            loop.Order?.Skills ?? [], loop.Order?.PeopleNeeded ?? 0, loop.Order?.Claims.Select(c => c.Who.Id).ToList() ?? [], loop.Order?.TeamId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {HelpRequestId}: hours recorded for {Claimers} claimers (approved by the resident: {Confirmed})")]
    private partial void LogHoursCredited(string helpRequestId, int claimers, bool confirmed);
}
