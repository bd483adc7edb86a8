namespace Lianxin.Emergencies;

/// <summary>The rules of roll-call statuses.</summary>
public static class StatusRules
{
    /// <summary>
    /// The statuses a reply may set. <see cref="RollCallStatus.Unknown"/> and <see cref="RollCallStatus.Notified"/>
    /// are facts the system records, never answers; otherwise any status may follow any other, as often as it changes.
    /// </summary>
    public static bool IsReply(RollCallStatus status) =>
        status is RollCallStatus.Acknowledged or RollCallStatus.EnRoute or RollCallStatus.AtPost
            or RollCallStatus.Unavailable or RollCallStatus.NeedHelp;

    /// <summary>A person is accounted for once they answered anything: their situation is known.</summary>
    public static bool IsAccounted(RollCallStatus status) => IsReply(status);

    /// <summary>Whether a reply to a post ask accepts it (anything but "cannot come").</summary>
    public static bool AcceptsAsk(RollCallStatus status) => IsReply(status) && status != RollCallStatus.Unavailable;

    /// <summary>Whether people with this status still get reminders.</summary>
    public static bool NeedsReminder(RollCallStatus status) => !IsAccounted(status);
}
