namespace Lianxin.Emergencies;

/// <summary>How an emergency's facts map onto CAP 1.2 values.</summary>
public static class CapMapping
{
    public static string Status(EmergencyMode mode) => mode switch
    {
        EmergencyMode.Exercise => "Exercise",
        EmergencyMode.Test => "Test",
        _ => "Actual",
    };

    /// <summary>An end is an Update saying "all clear"; a cancel is a Cancel.</summary>
    public static string MsgType(AlertKind kind) => kind switch
    {
        AlertKind.Alert => "Alert",
        AlertKind.Cancel => "Cancel",
        _ => "Update",
    };

    public static string ResponseType(AlertKind kind) => kind is AlertKind.Cancel or AlertKind.End ? "AllClear" : "Execute";

    /// <summary>Urgency, severity and certainty for a level of the ladder.</summary>
    public static (string Urgency, string Severity, string Certainty) Grade(EmergencyLevel level) => level switch
    {
        EmergencyLevel.Red => ("Immediate", "Extreme", "Observed"),
        EmergencyLevel.Orange => ("Immediate", "Severe", "Likely"),
        EmergencyLevel.Yellow => ("Expected", "Moderate", "Likely"),
        _ => ("Expected", "Minor", "Possible"),
    };

    public static string Category(AlertCategory category) => category.ToString();

    /// <summary>The note that marks a drill or a test, as every screen and message does.</summary>
    public static string? Note(EmergencyMode mode) => mode switch
    {
        EmergencyMode.Exercise => "演练信息，非真实预警。",
        EmergencyMode.Test => "测试信息，非真实预警。",
        _ => null,
    };

    /// <summary>CAP times: seconds, an explicit offset, and "-00:00" (never "Z") for UTC.</summary>
    public static string Time(DateTimeOffset at, TimeSpan offset)
    {
        var local = at.ToOffset(offset);
        var stamp = local.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        if (offset == TimeSpan.Zero)
        {
            return stamp + "-00:00";
        }

        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return $"{stamp}{sign}{offset.Duration():hh\\:mm}";
    }
}
