namespace Lianxin.WebHost.Security.Residents;

/// <summary>
/// Residents' sign-in (section <c>Residents</c>): how long a code lives and how often it may be tried, how many codes a
/// number and an address may ask for, and how long residents' tokens last. docs/security.md explains each.
/// </summary>
public sealed class ResidentOptions
{
    public const string Section = "Residents";

    /// <summary>How long a sign-in code may be used.</summary>
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Wrong answers one code takes before it is withdrawn.</summary>
    public int CodeAttempts { get; set; } = 5;

    /// <summary>The window the code and verification limits below are counted in.</summary>
    public TimeSpan LimitWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Codes one phone number may be sent per <see cref="LimitWindow"/> (SMS cost, and harassment of the number's owner).</summary>
    public int CodesPerNumber { get; set; } = 5;

    /// <summary>Codes one client address may ask for per <see cref="LimitWindow"/>, whatever the numbers.</summary>
    public int CodesPerAddress { get; set; } = 30;

    /// <summary>Code answers one client address may send per <see cref="LimitWindow"/>, whatever the numbers.</summary>
    public int VerificationsPerAddress { get; set; } = 60;

    /// <summary>Needs a resident may have open at once (stated, not yet resolved or turned down) before stating another is refused.</summary>
    public int OpenOrders { get; set; } = 5;

    /// <summary>Needs a resident may state per <see cref="OrderWindow"/>, counted by the shared rate limits' actors.</summary>
    public int OrdersPerWindow { get; set; } = 10;

    /// <summary>The window <see cref="OrdersPerWindow"/> is counted in: a day (UTC days, from 08:00 China time).</summary>
    public TimeSpan OrderWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long a token from a phone sign-in lasts.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How long a token a kiosk gets for a resident's ID card lasts: one visit at the kiosk.</summary>
    public TimeSpan KioskSessionLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Whether a code request answers the code itself. Only ever in demo mode, where it is the default outside the
    /// Production environment; <c>true</c> without demo mode or in Production stops the host at start.
    /// </summary>
    public bool? ShowCodes { get; set; }

    /// <summary>Null when the settings are usable; otherwise what is wrong.</summary>
    public string? Problem() =>
        CodeLifetime < TimeSpan.FromMinutes(1) || CodeLifetime > TimeSpan.FromMinutes(30) ? "Residents:CodeLifetime must be 1 to 30 minutes."
        : CodeAttempts is < 1 or > 10 ? "Residents:CodeAttempts must be 1 to 10."
        : LimitWindow < TimeSpan.FromMinutes(1) ? "Residents:LimitWindow must be at least a minute."
        : CodesPerNumber < 1 || CodesPerAddress < 1 || VerificationsPerAddress < 1 ? "Residents:CodesPerNumber, CodesPerAddress and VerificationsPerAddress must be at least 1."
        : OpenOrders < 1 || OrdersPerWindow < 1 || OrderWindow < TimeSpan.FromMinutes(1) ? "Residents:OpenOrders and OrdersPerWindow must be at least 1, OrderWindow at least a minute."
        : TokenLifetime < TimeSpan.FromMinutes(1) || TokenLifetime > TimeSpan.FromDays(30) ? "Residents:TokenLifetime must be a minute to 30 days."
        : KioskSessionLifetime < TimeSpan.FromMinutes(1) || KioskSessionLifetime > TimeSpan.FromMinutes(30) ? "Residents:KioskSessionLifetime must be 1 to 30 minutes."
        : null;
}
