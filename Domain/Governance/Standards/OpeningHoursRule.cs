using Lianxin.Centers;

namespace Lianxin.Governance;

/// <summary>
/// Opening hours: staffed hours are disclosed (opening before closing) and extended past the office day
/// (延时错时服务), i.e. the center closes at <see cref="CenterStandards.ExtendedHoursUntil"/> or later.
/// </summary>
public static class OpeningHoursRule
{
    /// <summary>Measured is how long staffed hours reach past the office day; negative when the center closes earlier.</summary>
    private static readonly string Unit = $"min past {CenterStandards.ExtendedHoursUntil:HH\\:mm}";

    public static ComplianceCheck Check(CenterProfile profile)
    {
        var (opens, closes) = (profile.OpeningHours.Opens, profile.OpeningHours.Closes);
        var until = CenterStandards.ExtendedHoursUntil;
        const double required = 0;
        if (closes <= opens)
        {
            return new(ComplianceCheckKind.OpeningHours, ComplianceOutcome.Fail, $"Opening hours {opens:HH\\:mm}–{closes:HH\\:mm} are not valid daily hours.", null, required, Unit, null, ["Record when the center opens and closes."]);
        }

        var hours = (closes - opens).TotalHours;
        var closing = (closes.ToTimeSpan() - until.ToTimeSpan()).TotalMinutes;
        var open = $"Open {opens:HH\\:mm}–{closes:HH\\:mm} ({GovernanceText.Number(hours)} h a day)";
        return closes >= until
            ? new(ComplianceCheckKind.OpeningHours, ComplianceOutcome.Pass, $"{open}, extended to {until:HH\\:mm} or later.", closing, required, Unit, null, [])
            : new(ComplianceCheckKind.OpeningHours, ComplianceOutcome.Fail, $"{open}; extended service needs opening until {until:HH\\:mm}.", closing, required, Unit, null, [$"Closes {-closing:0} minutes too early."]);
    }
}
