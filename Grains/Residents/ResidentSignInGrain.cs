using Lianxin.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lianxin.Residents;

/// <summary>
/// One number's sign-in code (see <see cref="IResidentSignInGrain"/>): its hash is durable before the code is sent,
/// and every wrong attempt is durable before it is answered, so neither a second web host nor a restart gives a guesser
/// more tries. Sending waits in the actor's turn: a second request for the same number waits for the first.
/// </summary>
internal sealed partial class ResidentSignInGrain(
    [PersistentState(StorageNames.SignInCodeState, StorageNames.Default)] IPersistentState<SignInCodeState> state,
    ISignInCodeSender sender,
    [FromKeyedServices(CentersClock.Key)] TimeProvider clock,
    ILogger<ResidentSignInGrain> logger) : Grain, IResidentSignInGrain
{
    public async Task<SignInCodeIssue> IssueAsync(SignInCodeRequest request)
    {
        var code = OneTimeCodes.NewCode();
        var expiresAt = clock.GetUtcNow() + request.Lifetime;
        OneTimeCodes.Issue(state.State, code, expiresAt);
        await state.WriteStateAsync();

        var delivery = !sender.HasGateway ? SignInCodeDelivery.NoGateway
            : await sender.SendAsync(request.Phone, code, request.Lifetime, CancellationToken.None) ? SignInCodeDelivery.Sent
            : SignInCodeDelivery.Refused;
        if (delivery == SignInCodeDelivery.Refused || (delivery == SignInCodeDelivery.NoGateway && !request.Reveal))
        {
            // Nobody can know a code that reached no one: it is withdrawn rather than left to be guessed.
            OneTimeCodes.Withdraw(state.State);
            await state.WriteStateAsync();
            LogNotDelivered(delivery);
        }

        return new SignInCodeIssue(delivery, expiresAt, request.Reveal ? code : null);
    }

    public async Task<SignInCodeCheck> VerifyAsync(string code, int maxAttempts)
    {
        var hadCode = state.State.Hash is not null;
        var check = OneTimeCodes.Check(state.State, code, clock.GetUtcNow(), maxAttempts);
        if (hadCode)
        {
            await state.WriteStateAsync();
        }

        return check;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A sign-in code was not delivered ({Delivery}) and is withdrawn")]
    private partial void LogNotDelivered(SignInCodeDelivery delivery);
}
