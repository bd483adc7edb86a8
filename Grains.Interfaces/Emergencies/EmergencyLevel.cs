namespace Lianxin.Emergencies;

/// <summary>The peacetime → wartime ladder of an emergency; it may be raised or lowered while it runs.</summary>
public enum EmergencyLevel
{
    /// <summary>蓝色: general.</summary>
    Blue = 1,
    /// <summary>黄色: serious.</summary>
    Yellow = 2,
    /// <summary>橙色: very serious.</summary>
    Orange = 3,
    /// <summary>红色: extremely serious.</summary>
    Red = 4,
}
