using Lianxin.Centers;

namespace Lianxin.Governance;

/// <summary>
/// 24-hour self-service (24小时不打烊): the center declares it and at least one kiosk is registered there, so the
/// declaration is backed by a device the product can see.
/// </summary>
public static class SelfServiceRule
{
    private const string Unit = "kiosks";

    public static ComplianceCheck Check(CenterProfile profile, int kioskCount)
    {
        var kiosks = $"{kioskCount} kiosk{(kioskCount == 1 ? "" : "s")} registered";
        return (profile.SelfService24h, kioskCount > 0) switch
        {
            (true, true) => new(ComplianceCheckKind.SelfService24h, ComplianceOutcome.Pass, $"24-hour self-service with {kiosks}.", kioskCount, 1, Unit, null, []),
            (true, false) => new(ComplianceCheckKind.SelfService24h, ComplianceOutcome.Fail, "24-hour self-service is declared, but no kiosk is registered at the center.", 0, 1, Unit, null, ["Register the center's kiosk."]),
            (false, true) => new(ComplianceCheckKind.SelfService24h, ComplianceOutcome.Fail, $"{kiosks}, but 24-hour self-service is not declared.", kioskCount, 1, Unit, null, ["Declare 24-hour self-service, or say why the kiosk is not reachable around the clock."]),
            _ => new(ComplianceCheckKind.SelfService24h, ComplianceOutcome.Fail, "No 24-hour self-service.", 0, 1, Unit, null, ["Provide a 24-hour self-service kiosk."]),
        };
    }
}
