namespace Lianxin.Emergencies;

/// <summary>A person's answer to a roll-call. <see cref="Unknown"/> and <see cref="Notified"/> are set by the system only.</summary>
public enum RollCallStatus
{
    /// <summary>Targeted, not reached yet.</summary>
    Unknown = 0,
    /// <summary>The alert reached the person; no answer yet.</summary>
    Notified = 1,
    /// <summary>收到: the person received the alert.</summary>
    Acknowledged = 2,
    /// <summary>在路上: on the way to the post.</summary>
    EnRoute = 3,
    /// <summary>已到岗: at the assigned post.</summary>
    AtPost = 4,
    /// <summary>无法前往: cannot come.</summary>
    Unavailable = 5,
    /// <summary>需要帮助: needs help.</summary>
    NeedHelp = 6,
}
