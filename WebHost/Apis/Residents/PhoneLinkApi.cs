using Lianxin.Residents;
using Lianxin.WebHost.Apis.Residents;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis;

/// <summary>
/// Linking a resident's phone to their ID card (<c>/api/v1/me/phone…</c>), so the two sign-ins are one person: only in a
/// kiosk's ID-card session (the card is proved by the kiosk that read it), with a one-time code sent to the phone (the
/// phone is proved by whoever reads the text). The card is the person's canonical id; see <see cref="IResidentIdentityGrain"/>.
/// </summary>
public static class PhoneLinkApi
{
    public static RouteGroupBuilder MapPhoneLinkApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/me/phone").WithTags("Residents").RequireAuthorization(AuthConfiguration.ResidentPolicy);
        group.MapPost("/codes", (ResidentCodeRequest request, [AsParameters] ResidentSignInServices services) => ResidentCodes.SendAsync(request, services, "phoneLink"))
            .WithSummary("In a kiosk ID-card session: send a one-time code to the phone to link, as for signing in (same limits per number and address; "
                + "in demo mode the answer carries it). 403 for a token from a phone sign-in.")
            .Check(CardSessionOnlyAsync);
        group.MapPost("/", LinkAsync)
            .WithSummary("In a kiosk ID-card session: link the phone with its code, so a phone sign-in becomes this card's person and "
                + "the phone's earlier sign-ups, orders and ledger are listed with the card's. Sending it again answers the same. "
                + "400 for a wrong code (counting an attempt); 409 when the phone is linked to another card (its holder unlinks it first) "
                + $"or the card has its phone already ({ResidentIdentity.MaxPhones}); 403 for a token from a phone sign-in. Answers a new token for the rest of the session.")
            .Check(CardSessionOnlyAsync);
        group.MapDelete("/", UnlinkAsync)
            .WithSummary("In a kiosk ID-card session: unlink the card's phone, whose sign-in is its own identity again (tokens issued before "
                + "keep what they carry until they expire). Answers a new token for the rest of the session; 403 for a token from a phone sign-in.")
            .Check(CardSessionOnlyAsync);
        return group;
    }

    // The refused code comes before the validation problem: both are 400, and the document describes the 400 by the
    // validation problem's schema, of which a refusal's is the subset.
    private static async Task<Results<Ok<PhoneLinkResponse>, CodeRefusal, ValidationProblem, ConflictProblem>> LinkAsync(
        PhoneLinkRequest request, [AsParameters] ResidentSignInServices services)
    {
        if (ResidentCodes.Read(request.Phone, request.Code, out var phone, out var code) is { } invalid)
        {
            return invalid;
        }

        var me = Caller.From(services.Http.User)!;
        var card = services.Grains.GetGrain<IResidentIdentityGrain>(me.ScopeId);
        var phoneId = services.Pseudonyms.Of(phone);
        var before = await card.GetAsync();
        // A link the card has already answers the same without using a code: the card's holder made it, and answering it
        // grants nothing new. A card with its phones is refused before a code is used up on it.
        if (before.Phones.Contains(phoneId))
        {
            return TypedResults.Ok(await AnswerAsync(services, me));
        }

        if (before.Phones.Count >= ResidentIdentity.MaxPhones)
        {
            return CardHasPhones();
        }

        var (_, refused) = await ResidentCodes.VerifyAsync(services, phone, code, AuditActions.ResidentPhoneLinkRefused, "Link refused");
        if (refused is not null)
        {
            return refused;
        }

        var result = await card.LinkPhoneAsync(phoneId);
        var details = $"phone={phoneId}; outcome={EnumNames.Of(result.Outcome)}";
        switch (result.Outcome)
        {
            case PhoneLinkOutcome.LinkedToAnotherCard:
                await services.Audit.RecordAsync(services.Http, AuditActions.ResidentPhoneLinkRefused, ResidentCodes.Subject(me.ScopeId), new AccessTarget([]), details: details);
                return ApiResults.Conflict(
                    "This phone is linked to another ID card. Its holder unlinks it in a kiosk session with that card (DELETE /api/v1/me/phone) before it can be linked here.",
                    new Dictionary<string, object?> { ["outcome"] = EnumNames.Of(result.Outcome) });
            case PhoneLinkOutcome.CardHasPhones:
                return CardHasPhones();
            case PhoneLinkOutcome.Linked:
                await services.Audit.RecordAsync(services.Http, AuditActions.ResidentPhoneLinked, ResidentCodes.Subject(me.ScopeId), new AccessTarget([]), details: details);
                break;
        }

        return TypedResults.Ok(await AnswerAsync(services, me));
    }

    private static async Task<Ok<PhoneLinkResponse>> UnlinkAsync([AsParameters] ResidentSignInServices services)
    {
        var me = Caller.From(services.Http.User)!;
        var card = services.Grains.GetGrain<IResidentIdentityGrain>(me.ScopeId);
        var phones = (await card.GetAsync()).Phones;
        if ((await card.UnlinkPhonesAsync()).Outcome == PhoneLinkOutcome.Unlinked)
        {
            await services.Audit.RecordAsync(
                services.Http, AuditActions.ResidentPhoneUnlinked, ResidentCodes.Subject(me.ScopeId), new AccessTarget([]), details: $"phone={string.Join(',', phones)}");
        }

        return TypedResults.Ok(await AnswerAsync(services, me));
    }

    /// <summary>The card's links as they are now, with a token that carries them and ends when the session's does.</summary>
    private static async Task<PhoneLinkResponse> AnswerAsync(ResidentSignInServices services, Caller me)
    {
        var now = await ResidentSessions.CallerForAsync(services.Grains, me.ScopeId, Caller.ByIdCard);
        var (token, expiresAt) = services.Issuer.Issue(now, ResidentSessions.ExpiryOf(services.Http.User));
        return new PhoneLinkResponse(now.ScopeId, now.Aliases, now.Aliases.Count > 0, token, expiresAt);
    }

    private static ConflictProblem CardHasPhones() => ApiResults.Conflict(
        $"This ID card is linked to a phone already (at most {ResidentIdentity.MaxPhones}); unlink it first (DELETE /api/v1/me/phone).",
        new Dictionary<string, object?> { ["outcome"] = EnumNames.Of(PhoneLinkOutcome.CardHasPhones) });

    /// <summary>A phone is linked from a kiosk's ID-card session only: a phone's token proves the phone, not the card.</summary>
    private static Task<ForbiddenProblem?> CardSessionOnlyAsync(HttpContext http) => Task.FromResult(
        Caller.From(http.User) is { SignedInBy: Caller.ByIdCard }
            ? null
            : ApiResults.Forbidden("Linking or unlinking a phone needs a kiosk ID-card session: sign in at a center's kiosk with your ID card."));
}
