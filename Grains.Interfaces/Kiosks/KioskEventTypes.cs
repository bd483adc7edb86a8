namespace Lianxin.Kiosks;

/// <summary>The wire names of kiosk protocol v1's event types and the body record of each.</summary>
public static class KioskEventTypes
{
    public const string CheckIn = "checkIn";
    public const string CheckOut = "checkOut";
    public const string SelfService = "selfService";
    public const string PointsRedemption = "pointsRedemption";
    public const string HelpRequest = "helpRequest";
    public const string AfterHoursEntry = "afterHoursEntry";
    public const string Fault = "fault";

    public static IReadOnlyDictionary<string, Type> Bodies { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [CheckIn] = typeof(CheckIn),
        [CheckOut] = typeof(CheckOut),
        [SelfService] = typeof(SelfService),
        [PointsRedemption] = typeof(PointsRedemption),
        [HelpRequest] = typeof(HelpRequest),
        [AfterHoursEntry] = typeof(AfterHoursEntry),
        [Fault] = typeof(FaultReport),
    };

    public static string NameOf(KioskEventBody body) => body switch
    {
        Kiosks.CheckIn => CheckIn,
        Kiosks.CheckOut => CheckOut,
        Kiosks.SelfService => SelfService,
        Kiosks.PointsRedemption => PointsRedemption,
        Kiosks.HelpRequest => HelpRequest,
        Kiosks.AfterHoursEntry => AfterHoursEntry,
        FaultReport => Fault,
        _ => throw new ArgumentException($"Unknown kiosk event body {body.GetType().Name}.", nameof(body)),
    };
}
