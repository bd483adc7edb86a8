using Lianxin.Audit;
using static Lianxin.WebHost.Tests.Security.Callers;
using static Lianxin.WebHost.Tests.Security.SecurityDistrict;

namespace Lianxin.WebHost.Tests.Security;

/// <summary>
/// Residents: anyone may ask for a code and sign in with it (limited per number and address); a kiosk gets a resident
/// session for a card it read; the <c>/api/v1/me</c> routes are the resident's alone, and linking a phone
/// (<c>/api/v1/me/phone…</c>) is for a kiosk's ID-card session alone. Every other route refuses a resident (the
/// resident column of every other row).
/// </summary>
public static partial class EndpointMatrix
{
    private static IEnumerable<EndpointRow> Residents() =>
    [
        new("POST", "/api/v1/residents/sign-in/codes", Access.Public)
        {
            Why = "a resident asks for a code to their own phone before there is a token; limited per number and address (ResidentSignInTests)",
            Path = _ => "/api/v1/residents/sign-in/codes",
            Body = _ => new { phone = "13800000001" },
            Probe = ResidentAudits,
        },
        new("POST", "/api/v1/residents/sign-in/", Access.Public)
        {
            Why = "the code is the credential; attempts are bounded per code and per address (ResidentSignInTests)",
            Path = _ => "/api/v1/residents/sign-in",
            Body = _ => new { phone = "13800000001", code = "123456" },
            Probe = ResidentAudits,
        },
        new("POST", "/api/v1/kiosks/{kioskId}/resident-sessions", Access.Kiosk)
        {
            Path = _ => $"/api/v1/kiosks/{KioskA}/resident-sessions",
            Body = _ => new { idNumber = "11010519900101123X" },
            Probe = ResidentAudits,
            Allowed = [KioskAKey],
        },
        Get("/api/v1/me/", _ => "/api/v1/me", Resident),
        Get("/api/v1/me/sign-ups", _ => "/api/v1/me/sign-ups", Resident),
        Get("/api/v1/me/orders", _ => "/api/v1/me/orders", Resident),
        Get("/api/v1/me/ledger", _ => "/api/v1/me/ledger", Resident),
        Write("POST", "/api/v1/me/orders", _ => "/api/v1/me/orders", _ => new { centerId = CenterA, function = "careAssistance", description = "家中水管漏水" },
            EndpointRow.Reads(_ => $"/api/v1/centers/{CenterA}/orders"), Resident),
        // A phone is linked only in a kiosk's ID-card session: the matrix's resident token does not say it came from one,
        // so it is refused like every other caller (PhoneLinkTests links with a real kiosk session).
        Write("POST", "/api/v1/me/phone/codes", _ => "/api/v1/me/phone/codes", _ => new { phone = "13800000002" }, ResidentAudits),
        Write("POST", "/api/v1/me/phone/", _ => "/api/v1/me/phone", _ => new { phone = "13800000002", code = "123456" }, ResidentAudits),
        Write("DELETE", "/api/v1/me/phone/", _ => "/api/v1/me/phone", null, ResidentAudits),
    ];

    /// <summary>How many resident sign-ins and code requests the audit log holds: a refused request adds none.</summary>
    private static async Task<string> ResidentAudits(SecurityDistrict d) =>
        $"{(await d.Grains.GetGrain<IAuditGrain>(0).QueryAsync(new Lianxin.Audit.AuditQuery(null, null, null, "resident:", 1000, null))).Count}";
}
