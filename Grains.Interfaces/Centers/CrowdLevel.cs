namespace Lianxin.Centers;

/// <summary>How full a center is now, as the public page says it.</summary>
public enum CrowdLevel
{
    /// <summary>冷清: under <see cref="CrowdLevels.NormalFrom"/> of its capacity.</summary>
    Quiet = 1,
    /// <summary>适中.</summary>
    Normal = 2,
    /// <summary>拥挤: from <see cref="CrowdLevels.BusyFrom"/> of its capacity.</summary>
    Busy = 3,
}
