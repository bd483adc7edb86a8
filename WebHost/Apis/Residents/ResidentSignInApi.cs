using Lianxin.Residents;
using Lianxin.WebHost.Apis.Residents;
using Lianxin.WebHost.Security;
using Lianxin.WebHost.Security.Residents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis;

/// <summary>
/// Residents sign in (<c>/api/v1/residents/sign-in…</c>): a one-time code sent by SMS to their phone, or at a kiosk that
/// read their ID card (<c>/api/v1/kiosks/{kioskId}/resident-sessions</c>, with the kiosk's device key). The number
/// travels only in the body and is kept only as its keyed pseudonym, which is the resident's person id.
/// </summary>
public static class ResidentSignInApi
{
    public static IEndpointRouteBuilder MapResidentSignInApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/residents/sign-in").WithTags("Residents").AllowAnonymous();
        group.MapPost("/codes", RequestCodeAsync)
            .WithSummary("Send a one-time sign-in code to a mobile number by SMS (in demo mode the answer carries it); limited per number and per address.");
        group.MapPost("/", SignInAsync).WithSummary("Exchange the number and its code for a resident token; a code works once, until it expires, for a few attempts.");
        app.MapPost("/api/v1/kiosks/{kioskId}/resident-sessions", KioskSessionAsync).WithTags("Kiosk protocol v1")
            .RequireAuthorization(KioskAuthentication.Policy)
            .WithSummary("A short-lived resident token for the person whose ID card the kiosk read (only that person, only for minutes).");
        return app;
    }

    private static async Task<Results<Accepted<ResidentCodeResponse>, ValidationProblem, TooManyRequestsProblem, UnavailableProblem>> RequestCodeAsync(
        ResidentCodeRequest request, [AsParameters] ResidentSignInServices services)
    {
        var v = new Validation();
        var phone = Phone(v, request.Phone);
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }

        if (!await services.Limits.MayAskFromAsync(services.Http))
        {
            return TooMany(services.Http, services.Limits, "This address asked for more sign-in codes than its limit allows.");
        }

        var personId = services.Pseudonyms.Of(phone);
        if (!await services.Limits.MaySendToAsync(personId, services.Http.RequestAborted))
        {
            return TooMany(services.Http, services.Limits, "This number was sent more sign-in codes than its limit allows.");
        }

        var issue = await services.Grains.GetGrain<IResidentSignInGrain>(personId).IssueAsync(new SignInCodeRequest(phone, services.Options.Value.CodeLifetime, services.Display.Shows));
        await services.Audit.RecordAsync(services.Http, AuditActions.ResidentCodeRequested, Subject(personId), new AccessTarget([]), details: $"delivery={EnumNames.Of(issue.Delivery)}");
        return issue.Delivery switch
        {
            SignInCodeDelivery.Sent => TypedResults.Accepted((string?)null, new ResidentCodeResponse(issue.ExpiresAt, EnumNames.Of(issue.Delivery), issue.Code)),
            SignInCodeDelivery.NoGateway when services.Display.Shows =>
                TypedResults.Accepted((string?)null, new ResidentCodeResponse(issue.ExpiresAt, EnumNames.Of(issue.Delivery), issue.Code)),
            SignInCodeDelivery.NoGateway => new UnavailableProblem(
                "No SMS gateway is configured (Emergencies:Gateways with channel Sms), so no code can be sent."),
            _ => new UnavailableProblem("Every SMS gateway refused the code or did not answer; ask for a new code in a moment."),
        };
    }

    // The refused code comes before the validation problem: both are 400, and the document keeps describing the 400 by the
    // validation problem's schema, of which a refusal's is the subset.
    private static async Task<Results<Ok<ResidentTokenResponse>, BadRequestProblem, ValidationProblem, TooManyRequestsProblem>> SignInAsync(
        ResidentSignInRequest request, [AsParameters] ResidentSignInServices services)
    {
        var v = new Validation();
        var phone = Phone(v, request.Phone);
        if (request.Code is not { Length: SignInCode.Digits } code || !code.All(char.IsAsciiDigit))
        {
            v.Add("code", $"Must be the {SignInCode.Digits} digits sent by SMS.");
            code = "";
        }

        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }

        if (!await services.Limits.MayVerifyFromAsync(services.Http))
        {
            return TooMany(services.Http, services.Limits, "This address sent more sign-in codes than its limit allows.");
        }

        var personId = services.Pseudonyms.Of(phone);
        var check = await services.Grains.GetGrain<IResidentSignInGrain>(personId).VerifyAsync(code, services.Options.Value.CodeAttempts);
        if (check.Outcome != SignInCodeOutcome.Verified)
        {
            await services.Audit.RecordAsync(services.Http, AuditActions.ResidentSignInFailed, Subject(personId), new AccessTarget([]), details: $"outcome={EnumNames.Of(check.Outcome)}");
            return new BadRequestProblem(
                check.Outcome switch
                {
                    SignInCodeOutcome.Wrong => $"The code is wrong; {check.AttemptsLeft} more attempts before it is withdrawn.",
                    SignInCodeOutcome.Expired => "The code has expired; ask for a new one.",
                    SignInCodeOutcome.AttemptsUsed => "The code was wrong too often and is withdrawn; ask for a new one.",
                    _ => "No code is waiting for this number (it was used, withdrawn, or never sent); ask for one.",
                },
                new Dictionary<string, object?> { ["outcome"] = EnumNames.Of(check.Outcome), ["attemptsLeft"] = check.AttemptsLeft },
                "Sign-in refused");
        }

        var (token, expiresAt) = services.Issuer.Issue(new Caller(personId, Role.Resident, personId), services.Options.Value.TokenLifetime);
        await services.Audit.RecordAsync(services.Http, AuditActions.ResidentSignedIn, Subject(personId), new AccessTarget([]), details: "by=phoneCode");
        return TypedResults.Ok(new ResidentTokenResponse(token, expiresAt, personId));
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
        var (token, expiresAt) = services.Issuer.Issue(new Caller(personId, Role.Resident, personId), services.Options.Value.KioskSessionLifetime);
        var center = await services.Scopes.ForCenterAsync(services.Http.User.FindFirst(KioskAuthentication.CenterClaim)?.Value ?? "");
        await services.Audit.RecordAsync(services.Http, AuditActions.ResidentSignedIn, Subject(personId), center, details: $"by=idCard; kiosk={kioskId}");
        return TypedResults.Ok(new ResidentTokenResponse(token, expiresAt, personId));
    }

    private static string Phone(Validation v, string? phone)
    {
        if (phone is null || !PersonalData.IsMobile(phone))
        {
            v.Add("phone", "Must be a mainland mobile number: 11 digits starting with 1, optionally after +86.");
            return "";
        }

        return phone;
    }

    private static string Subject(string personId) => $"resident:{personId}";

    private static TooManyRequestsProblem TooMany(HttpContext http, ResidentSignInLimits limits, string detail)
    {
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(limits.Window.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new TooManyRequestsProblem(detail, title: "Too many requests");
    }
}
