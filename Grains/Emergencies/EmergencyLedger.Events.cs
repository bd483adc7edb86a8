namespace Lianxin.Emergencies;

/// <summary>What each journal event does to the ledger.</summary>
internal sealed partial class EmergencyLedger
{
    private void Seen(long sequence) => LastSequence = Math.Max(LastSequence, sequence);

    private void On(LaunchedEvent e)
    {
        Seen(e.Sequence);
        Launched = true;
        Timeline.Add(new TimelineEvent(e.At, "launched", $"{AlertTexts.Prefix(e.Mode)}{e.Name}：{AlertTexts.LevelName(e.Level)}，{e.People}人，由{e.By}启动"));
    }

    private void On(TargetedEvent e)
    {
        Seen(e.Sequence);
        TakeContacts(e.Contacts);
        foreach (var pair in e.People)
        {
            if (pair is [var volunteerId, var gridId] && RollCall.Target(volunteerId, gridId))
            {
                var token = Tokens.For(volunteerId);
                RollCall.Find(volunteerId)!.Token = token;
                _personByToken[token] = volunteerId;
            }
        }
    }

    private void On(MessageEvent e)
    {
        Seen(e.Sequence);
        Messages.Add(e);
        _messageByNumber[e.Number] = e;
        LastMessageNumber = Math.Max(LastMessageNumber, e.Number);
        if (e.Kind == AlertKind.Reminder)
        {
            Progress = Progress with { LastReminder = Math.Max(Progress.LastReminder, e.Round) };
        }

        if (IsBroadcast(e.Kind))
        {
            _unfinishedFanOuts.TryAdd(e.Number, new HashSet<string>(StringComparer.Ordinal));
        }

        var round = e.Kind == AlertKind.Reminder ? $" {e.Round}" : "";
        Timeline.Add(new TimelineEvent(e.At, "message", $"#{e.Number} {e.Kind}{round}：{e.Recipients}人{(e.To is null ? "" : $"（{e.To}）")}"));
    }

    private void On(DeliveredEvent e)
    {
        Seen(e.Sequence);
        TakeDelivery(e);
        _unfinishedFanOuts.TryGetValue(e.Number, out var delivered);
        foreach (var volunteerId in e.VolunteerIds)
        {
            delivered?.Add(volunteerId);
            if (RollCall.Find(volunteerId) is { Notified: false })
            {
                RollCall.Apply(new StatusChange(e.Sequence, volunteerId, RollCallStatus.Notified, e.At, RollCallChannel.App, "system", false, null, null));
            }
        }
    }

    private void On(FanOutDoneEvent e)
    {
        Seen(e.Sequence);
        _unfinishedFanOuts.Remove(e.Number);
    }

    private void On(AttemptsEvent e)
    {
        Seen(e.Sequence);
        Attempts.AddRange(e.Attempts);
    }

    private void On(StatusChange e)
    {
        Seen(e.Sequence);
        RollCall.Apply(e);
    }

    private void On(ReserveEvent e)
    {
        Seen(e.Sequence);
        if (Posts.Find(e.PostId) is { } slot)
        {
            slot.Reserve = e.VolunteerIds;
            if (e.MixSkills is { } skills)
            {
                slot.MixSkills = skills;
            }
        }
    }

    private void On(AskedEvent e)
    {
        Seen(e.Sequence);
        Posts.RecordAsk(e.PostId, e.VolunteerId, e.Sequence, e.At, e.Deadline, e.Wave);
        Timeline.Add(new TimelineEvent(e.At, "asked", $"{e.VolunteerId} → {e.PostId}{(e.Wave > 0 ? $"（第{e.Wave}波）" : "")}"));
    }

    private void On(AskExpiredEvent e)
    {
        Seen(e.Sequence);
        Posts.RecordExpiry(e.PostId, e.VolunteerId);
        Timeline.Add(new TimelineEvent(e.At, "askExpired", $"{e.VolunteerId} → {e.PostId}"));
    }

    private void On(StoodDownEvent e)
    {
        Seen(e.Sequence);
        Posts.RecordStandDown(e.PostId, e.VolunteerId);
        Timeline.Add(new TimelineEvent(e.At, "stoodDown", $"{e.VolunteerId} → {e.PostId}：人数已满，致谢并解除"));
    }

    private void On(LevelEvent e)
    {
        Seen(e.Sequence);
        Level = e.To;
        LevelSetAt = e.Sequence;
        Timeline.Add(new TimelineEvent(e.At, "level", $"{AlertTexts.LevelName(e.From)} → {AlertTexts.LevelName(e.To)}，{e.By}{Comment(e.Comment)}"));
    }

    private void On(ClosedEvent e)
    {
        Seen(e.Sequence);
        Phase = e.Phase;
        ClosedAt = e.At;
        ClosedSequence = e.Sequence;
        RollCall.Freeze(e.Sequence);
        Timeline.Add(new TimelineEvent(e.At, e.Phase == EmergencyPhase.Cancelled ? "cancelled" : "ended", $"{e.By}{Comment(e.Comment)}"));
    }

    private void On(EscalatedEvent e)
    {
        Seen(e.Sequence);
        Progress = e.Tier == EscalationTiers.Command ? Progress with { CommandEscalated = true } : Progress with { GridLeadsEscalated = true };
        Timeline.Add(new TimelineEvent(e.At, "escalated", $"{e.Tier}：{e.ByGrid.Values.Sum()}人未应答，{e.ByGrid.Count}个网格"));
    }

    private static string Comment(string? comment) => comment is { Length: > 0 } ? $"：{comment}" : "";
}
