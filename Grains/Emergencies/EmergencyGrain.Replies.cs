using Lianxin.Volunteers;

namespace Lianxin.Emergencies;

/// <summary>Answers: checked and numbered at once, durable before they are acknowledged, then applied.</summary>
internal sealed partial class EmergencyGrain
{
    private bool _fillQueued;

    public async Task<ReplyResult> RespondAsync(RollCallReply reply)
    {
        if (Launched is not { } ledger)
        {
            return new ReplyResult(ReplyOutcome.EmergencyNotFound, $"Emergency '{Id}' does not exist.", null);
        }

        if (Identify(ledger, reply) is { } refusal)
        {
            return refusal;
        }

        var volunteerId = reply.Token is { } token ? ledger.PersonOfToken(token)! : reply.VolunteerId!;
        if (!StatusRules.IsReply(reply.Status))
        {
            return new ReplyResult(ReplyOutcome.Invalid, $"'{reply.Status}' is recorded by the system, not answered.", null);
        }

        if (reply.OnBehalf && string.IsNullOrWhiteSpace(reply.Comment))
        {
            return new ReplyResult(ReplyOutcome.Invalid, "An answer on someone's behalf needs a comment: who said so, and how.", null);
        }

        if (!ledger.IsRunning)
        {
            return new ReplyResult(ReplyOutcome.Closed, $"Emergency '{Id}' is {ledger.Phase.ToString().ToLowerInvariant()}: statuses are frozen.", null);
        }

        // An answer of one's own is by that person, whatever the caller says; only on-behalf answers name someone else.
        var by = reply.OnBehalf ? reply.By : volunteerId;
        var before = ledger.RollCall.Find(volunteerId)!.Status;
        var change = new StatusChange(ledger.NextSequence(), volunteerId, reply.Status, Now, reply.Channel, by, reply.OnBehalf, reply.Comment, reply.Location);
        var onceId = reply.RequestId is { } requestId ? EmergencyEvents.OnceId($"{Id}/reply/{volunteerId}/{requestId}") : (Guid?)null;
        var stored = await AppendAsync([Event(EmergencyEvents.Status, change, onceId)]);
        if (!stored[0])
        {
            var recorded = ledger.RollCall.Find(volunteerId)?.History.LastOrDefault(h => StatusRules.IsReply(h.Status));
            return new ReplyResult(ReplyOutcome.Duplicate, "This answer was recorded before.", recorded);
        }

        AfterReply(ledger, change, before);
        EmergencyMetrics.Answers.Add(1, new KeyValuePair<string, object?>("status", reply.Status.ToString()));
        return new ReplyResult(ReplyOutcome.Recorded, null, change);
    }

    private static ReplyResult? Identify(EmergencyLedger ledger, RollCallReply reply)
    {
        if (reply.Token is { } token)
        {
            var owner = ledger.PersonOfToken(token);
            return owner is null || (reply.VolunteerId is { } named && named != owner)
                ? new ReplyResult(ReplyOutcome.TokenRejected, "This is not a reply token of this emergency.", null)
                : null;
        }

        return reply.VolunteerId is { } volunteerId && ledger.RollCall.Find(volunteerId) is not null
            ? null
            : new ReplyResult(ReplyOutcome.PersonNotFound, $"'{reply.VolunteerId}' is not on this roll-call.", null);
    }

    /// <summary>
    /// The person's actor learns when they reach or leave a post or cannot come (it knows they are mobilized from the
    /// alert already); an answer to a post ask may free or fill the post.
    /// </summary>
    private void AfterReply(EmergencyLedger ledger, StatusChange change, RollCallStatus before)
    {
        if (!ledger.IsRunning)
        {
            return;
        }

        var postId = ledger.Posts.PostOf(change.VolunteerId, ledger.RollCall);
        if (change.Status is RollCallStatus.AtPost or RollCallStatus.Unavailable || before is RollCallStatus.AtPost or RollCallStatus.Unavailable)
        {
            GrainFactory.GetGrain<IVolunteerGrain>(change.VolunteerId).ReportRollCallAsync(Id, change.Status, postId).Ignore();
        }

        if (ledger.Posts.Slots.Any(s => s.Asked.Contains(change.VolunteerId)))
        {
            RequestPostFill();
        }
    }

    private void RequestPostFill()
    {
        if (_fillQueued)
        {
            return;
        }

        _fillQueued = true;
        QueueControlled(
            async () =>
            {
                _fillQueued = false;
                await FillPostsAsync();
            },
            "post fill");
    }
}
