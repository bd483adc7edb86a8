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

    /// <summary>
    /// Whether a reply to a post ask accepts it: received, on the way or at the post. "Cannot come" declines it, and
    /// so does "need help": someone who needs help is not manning a post, so a replacement is asked.
    /// </summary>
    public static bool AcceptsAsk(RollCallStatus status) =>
        status is RollCallStatus.Acknowledged or RollCallStatus.EnRoute or RollCallStatus.AtPost;

    /// <summary>Whether a person may be asked for a post: not "cannot come", not "need help".</summary>
    public static bool MayBeAsked(RollCallStatus status) => status is not (RollCallStatus.Unavailable or RollCallStatus.NeedHelp);

    /// <summary>Whether people with this status still get reminders.</summary>
    public static bool NeedsReminder(RollCallStatus status) => !IsAccounted(status);
}
