using Lianxin.Residents;
using Lianxin.WebHost.Security;
using Lianxin.WebHost.Security.Residents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis.Residents;

/// <summary>
/// Sending and checking one-time codes for a phone, the same for signing in and for linking a phone to an ID card: the
/// number's actor (<see cref="IResidentSignInGrain"/>) keeps the code, the limits per number and address apply to both,
/// and demo mode shows the code in both. The number is named only by its pseudonym in the audit log.
/// </summary>
internal static class ResidentCodes
{
    /// <summary>Sends a code to the number in <paramref name="request"/>; <paramref name="purpose"/> goes into the audit details when not sign-in.</summary>
    public static async Task<Results<Accepted<ResidentCodeResponse>, ValidationProblem, TooManyRequestsProblem, UnavailableProblem>> SendAsync(
        ResidentCodeRequest request, ResidentSignInServices services, string? purpose = null)
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
        var details = purpose is null ? $"delivery={EnumNames.Of(issue.Delivery)}" : $"delivery={EnumNames.Of(issue.Delivery)}; for={purpose}";
        await services.Audit.RecordAsync(services.Http, AuditActions.ResidentCodeRequested, Subject(personId), new AccessTarget([]), details: details);
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

    /// <summary>
    /// Checks the code of a number whose body passed <see cref="Read"/>: the number's pseudonym
    /// when it is right, otherwise the refusal (a wrong answer counts against the code, and is audited as
    /// <paramref name="failedAction"/>).
    /// </summary>
    public static async Task<(string PersonId, CodeRefusal? Refused)> VerifyAsync(
        ResidentSignInServices services, string phone, string code, string failedAction, string refusedTitle)
    {
        var personId = services.Pseudonyms.Of(phone);
        if (!await services.Limits.MayVerifyFromAsync(services.Http))
        {
            return (personId, TooMany(services.Http, services.Limits, "This address sent more sign-in codes than its limit allows."));
        }

        var check = await services.Grains.GetGrain<IResidentSignInGrain>(personId).VerifyAsync(code, services.Options.Value.CodeAttempts);
        if (check.Outcome == SignInCodeOutcome.Verified)
        {
            return (personId, null);
        }

        await services.Audit.RecordAsync(services.Http, failedAction, Subject(personId), new AccessTarget([]), details: $"outcome={EnumNames.Of(check.Outcome)}");
        return (personId, new BadRequestProblem(
            check.Outcome switch
            {
                SignInCodeOutcome.Wrong => $"The code is wrong; {check.AttemptsLeft} more attempts before it is withdrawn.",
                SignInCodeOutcome.Expired => "The code has expired; ask for a new one.",
                SignInCodeOutcome.AttemptsUsed => "The code was wrong too often and is withdrawn; ask for a new one.",
                _ => "No code is waiting for this number (it was used, withdrawn, or never sent); ask for one.",
            },
            new Dictionary<string, object?> { ["outcome"] = EnumNames.Of(check.Outcome), ["attemptsLeft"] = check.AttemptsLeft },
            refusedTitle));
    }

    /// <summary>A number and its code from a body: null when both are well formed, otherwise the problem.</summary>
    public static ValidationProblem? Read(string? phone, string? code, out string number, out string digits)
    {
        var v = new Validation();
        number = Phone(v, phone);
        digits = Code(v, code);
        return v.IsValid ? null : TypedResults.ValidationProblem(v.Errors);
    }

    /// <summary>The number, or "" with the problem added to <paramref name="v"/>.</summary>
    public static string Phone(Validation v, string? phone)
    {
        if (phone is null || !PersonalData.IsMobile(phone))
        {
            v.Add("phone", "Must be a mainland mobile number: 11 digits starting with 1, optionally after +86.");
            return "";
        }

        return phone;
    }

    /// <summary>The code, or "" with the problem added to <paramref name="v"/>.</summary>
    private static string Code(Validation v, string? code)
    {
        if (code is not { Length: SignInCode.Digits } || !code.All(char.IsAsciiDigit))
        {
            v.Add("code", $"Must be the {SignInCode.Digits} digits sent by SMS.");
            return "";
        }

        return code;
    }

    /// <summary>How the audit log names a resident: by pseudonym only.</summary>
    public static string Subject(string personId) => $"resident:{personId}";

    private static TooManyRequestsProblem TooMany(HttpContext http, ResidentSignInLimits limits, string detail)
    {
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(limits.Window.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new TooManyRequestsProblem(detail, title: "Too many requests");
    }
}
