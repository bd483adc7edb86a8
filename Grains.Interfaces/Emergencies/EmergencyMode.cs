namespace Lianxin.Emergencies;

/// <summary>Whether a launch is real; drills and tests say so in every message, screen and report.</summary>
public enum EmergencyMode
{
    /// <summary>A real emergency (CAP status Actual).</summary>
    Actual = 0,
    /// <summary>A drill (演练; CAP status Exercise).</summary>
    Exercise = 1,
    /// <summary>A technical test of the channels (测试; CAP status Test).</summary>
    Test = 2,
}
