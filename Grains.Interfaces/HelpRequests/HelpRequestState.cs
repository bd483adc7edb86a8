namespace Lianxin.HelpRequests;

/// <summary>Where a help request stands in its closed loop (问题导向、量化闭环).</summary>
public enum HelpRequestState
{
    /// <summary>Opened, no owner yet.</summary>
    Open = 1,
}
