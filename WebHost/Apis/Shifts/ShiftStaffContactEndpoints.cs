using Lianxin.Shifts;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis.Shifts;

/// <summary>
/// The phone a center's rota texts when a shift is short of people a day ahead: an office or duty mobile, shown masked,
/// never written to the audit trail or the logs (the audit entry says only whether one is registered).
/// </summary>
internal static class ShiftStaffContactEndpoints
{
    public static async Task<Ok<StaffContact>> GetAsync(string id, IGrainFactory grains) =>
        TypedResults.Ok(Masked(await grains.GetGrain<IShiftRotaGrain>(id).GetStaffContactAsync()));

    public static async Task<Results<Ok<StaffContact>, ValidationProblem>> SetAsync(
        string id, StaffContactRequest request, HttpContext http, IGrainFactory grains, AuditTrail audit)
    {
        var phone = request.Phone?.Trim();
        var v = new Validation();
        if (phone is not null && !PersonalData.IsMobile(phone))
        {
            v.Add("phone", "Must be a mainland mobile number (11 digits starting with 1, optionally after +86) that can take texts, or null to remove it.");
        }

        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }

        await grains.GetGrain<IShiftRotaGrain>(id).SetStaffContactAsync(phone, ActivitiesApi.By(http));
        await audit.RecordAsync(http, ShiftAuditActions.StaffContactSet, $"shift:{id}", http.Target(), details: phone is null ? "removed" : "registered");
        return TypedResults.Ok(Masked(phone));
    }

    private static StaffContact Masked(string? phone) => new(phone is null ? null : PersonalData.MaskPhone(phone));
}
