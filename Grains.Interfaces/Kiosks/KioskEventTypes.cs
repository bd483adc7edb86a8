namespace Lianxin.Kiosks;

/// <summary>The wire names of kiosk protocol v1's event types and the body record of each.</summary>
public static class KioskEventTypes
{
    /// <summary>The wire name of <see cref="Kiosks.CheckIn"/>.</summary>
    public const string CheckIn = "checkIn";

    /// <summary>The wire name of <see cref="Kiosks.CheckOut"/>.</summary>
    public const string CheckOut = "checkOut";

    /// <summary>The wire name of <see cref="Kiosks.SelfService"/>.</summary>
    public const string SelfService = "selfService";

    /// <summary>The wire name of <see cref="Kiosks.PointsRedemption"/>.</summary>
    public const string PointsRedemption = "pointsRedemption";

    /// <summary>The wire name of <see cref="Kiosks.HelpRequest"/>.</summary>
    public const string HelpRequest = "helpRequest";

    /// <summary>The wire name of <see cref="Kiosks.AfterHoursEntry"/>.</summary>
    public const string AfterHoursEntry = "afterHoursEntry";

    /// <summary>The wire name of <see cref="FaultReport"/>.</summary>
    public const string Fault = "fault";

    /// <summary>The body record of each wire name.</summary>
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

    /// <summary>The wire name of a body record.</summary>
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
