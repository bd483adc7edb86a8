namespace Lianxin.Emergencies;

/// <summary>CAP 1.2 urgency.</summary>
public enum CapUrgency
{
    /// <summary>Urgency not known (CAP <c>Unknown</c>).</summary>
    Unknown = 0,

    /// <summary>Responsive action is no longer required (CAP <c>Past</c>).</summary>
    Past = 1,

    /// <summary>Responsive action should be taken in the near future (CAP <c>Future</c>).</summary>
    Future = 2,

    /// <summary>Responsive action should be taken soon, within the next hour (CAP <c>Expected</c>).</summary>
    Expected = 3,

    /// <summary>Responsive action should be taken immediately (CAP <c>Immediate</c>).</summary>
    Immediate = 4,
}
