namespace Lianxin.Governance;

/// <summary>How live actors report star-rating evidence (<c>Governance:Evidence</c>).</summary>
public sealed class RatingEvidenceOptions
{
    public const string Section = "Governance:Evidence";

    /// <summary>
    /// How often a center's activity actor sends its changed days' check-ins to the yearly evidence actor
    /// (<c>Governance:Evidence:ReportInterval</c>); default one minute, zero sends on every tick.
    /// </summary>
    public TimeSpan ReportInterval { get; set; } = TimeSpan.FromMinutes(1);
}
