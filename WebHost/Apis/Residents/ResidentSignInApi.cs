using Lianxin.Residents;
using Lianxin.WebHost.Apis.Residents;
using Lianxin.WebHost.Security;
using Lianxin.WebHost.Security.Residents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis;

/// <summary>
/// Residents sign in (<c>/api/v1/residents/sign-in…</c>): a one-time code sent by SMS to their phone, or at a kiosk that
/// read their ID card (<c>/api/v1/kiosks/{kioskId}/resident-sessions</c>, with the kiosk's device key). The number
/// travels only in the body and is kept only as its keyed pseudonym, which is the resident's person id; a phone linked
/// to an ID card (<see cref="PhoneLinkApi"/>) signs in as the card's person, with the phone's pseudonym as an alias.
/// </summary>
public static class ResidentSignInApi
{
    public static IEndpointRouteBuilder MapResidentSignInApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/residents/sign-in").WithTags("Residents").AllowAnonymous();
        group.MapPost("/codes", (ResidentCodeRequest request, [AsParameters] ResidentSignInServices services) => ResidentCodes.SendAsync(request, services))
            .WithSummary("Send a one-time sign-in code to a mobile number by SMS (in demo mode the answer carries it); limited per number and per address.");
        group.MapPost("/", SignInAsync).WithSummary(
            "Exchange the number and its code for a resident token; a code works once, until it expires, for a few attempts. "
            + "A phone linked to an ID card gets a token for the card's person id, with the phone's pseudonym as an alias.");
        app.MapPost("/api/v1/kiosks/{kioskId}/resident-sessions", KioskSessionAsync).WithTags("Kiosk protocol v1")
            .RequireAuthorization(KioskAuthentication.Policy)
            .WithSummary("A short-lived resident token for the person whose ID card the kiosk read (only that person, with the phones linked to the card as aliases, only for minutes).");
        return app;
    }

    // The refused code comes before the validation problem: both are 400, and the document keeps describing the 400 by the
    // validation problem's schema, of which a refusal's is the subset.
    private static async Task<Results<Ok<ResidentTokenResponse>, CodeRefusal, ValidationProblem>> SignInAsync(
        ResidentSignInRequest request, [AsParameters] ResidentSignInServices services)
    {
        if (ResidentCodes.Read(request.Phone, request.Code, out var phone, out var code) is { } invalid)
        {
            return invalid;
        }

        var (phoneId, refused) = await ResidentCodes.VerifyAsync(services, phone, code, AuditActions.ResidentSignInFailed, "Sign-in refused");
        if (refused is not null)
        {
            return refused;
        }

        // A phone linked to an ID card signs in as the card's person, with the phone as an alias.
        var caller = await ResidentSessions.CallerForAsync(services.Grains, phoneId, Caller.ByPhoneCode);
        var (token, expiresAt) = services.Issuer.Issue(caller, services.Options.Value.TokenLifetime);
        var linked = caller.ScopeId == phoneId ? "" : $"; as={caller.ScopeId}";
        await services.Audit.RecordAsync(services.Http, AuditActions.ResidentSignedIn, ResidentCodes.Subject(phoneId), new AccessTarget([]), details: $"by=phoneCode{linked}");
        return TypedResults.Ok(new ResidentTokenResponse(token, expiresAt, caller.ScopeId));
    }

    private static async Task<Results<Ok<ResidentTokenResponse>, ValidationProblem, ForbiddenProblem>> KioskSessionAsync(
        string kioskId, KioskResidentSessionRequest request, [AsParameters] ResidentSignInServices services)
    {
        var kiosk = services.Http.User.FindFirst(KioskAuthentication.KioskClaim)?.Value;
        if (kiosk != kioskId)
        {
            return ApiResults.Forbidden($"This device key belongs to kiosk '{kiosk}', not '{kioskId}'.");
        }

        if (request.IdNumber is not { } idNumber || !PersonalData.IsIdCard(idNumber))
        {
            var v = new Validation();
            v.Add("idNumber", "Must be the resident ID-card number read from the card (15 or 18 characters; the last may be X).");
            return TypedResults.ValidationProblem(v.Errors);
        }

        var personId = services.Pseudonyms.Of(idNumber);
        var caller = await ResidentSessions.CallerForAsync(services.Grains, personId, Caller.ByIdCard);
        var (token, expiresAt) = services.Issuer.Issue(caller, services.Options.Value.KioskSessionLifetime);
        var center = await services.Scopes.ForCenterAsync(services.Http.User.FindFirst(KioskAuthentication.CenterClaim)?.Value ?? "");
        await services.Audit.RecordAsync(services.Http, AuditActions.ResidentSignedIn, ResidentCodes.Subject(personId), center, details: $"by=idCard; kiosk={kioskId}");
        return TypedResults.Ok(new ResidentTokenResponse(token, expiresAt, personId));
    }
}
