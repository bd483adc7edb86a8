using Lianxin.Common;

namespace Lianxin.Residents;

/// <summary>
/// One pseudonym's links (see <see cref="IResidentIdentityGrain"/>). Only a card calls a phone, never the reverse, so
/// two actors never wait for each other; a card's turn holds while it asks its phones, so two links to one card are
/// decided one after the other, and a phone's turn decides between two cards asking for it at once.
/// </summary>
internal sealed class ResidentIdentityGrain(
    [PersistentState(StorageNames.ResidentIdentityState, StorageNames.Default)] IPersistentState<ResidentIdentityState> state)
    : Grain, IResidentIdentityGrain
{
    private string Key => this.GetPrimaryKeyString();

    public async Task<ResidentIdentity> GetAsync()
    {
        await ConfirmAsync();
        return Snapshot();
    }

    public async Task<PhoneLinkResult> LinkPhoneAsync(string phoneId)
    {
        if (phoneId == Key || state.State.Card is not null)
        {
            throw new InvalidOperationException("Only a card's pseudonym links a phone, and not its own.");
        }

        await ConfirmAsync();
        if (PhoneLinks.Admit(state.State, phoneId) is { } refused)
        {
            return new PhoneLinkResult(refused, Snapshot());
        }

        // Listed before the phone is asked: if what follows fails, the list holds a phone the next read drops.
        await state.WriteStateAsync();
        var card = await GrainFactory.GetGrain<IResidentIdentityGrain>(phoneId).AttachToCardAsync(Key);
        if (card != Key)
        {
            state.State.Phones.Remove(phoneId);
            await state.WriteStateAsync();
            return new PhoneLinkResult(PhoneLinkOutcome.LinkedToAnotherCard, Snapshot());
        }

        return new PhoneLinkResult(PhoneLinkOutcome.Linked, Snapshot());
    }

    public async Task<PhoneLinkResult> UnlinkPhonesAsync()
    {
        if (state.State.Phones.Count == 0)
        {
            return new PhoneLinkResult(PhoneLinkOutcome.NotLinked, Snapshot());
        }

        // Released by each phone first: if what follows fails, the list holds phones the next read drops.
        foreach (var phone in state.State.Phones)
        {
            await GrainFactory.GetGrain<IResidentIdentityGrain>(phone).DetachFromCardAsync(Key);
        }

        state.State.Phones.Clear();
        await state.WriteStateAsync();
        return new PhoneLinkResult(PhoneLinkOutcome.Unlinked, Snapshot());
    }

    public async Task<string> AttachToCardAsync(string cardId)
    {
        if (state.State.Phones.Count > 0)
        {
            throw new InvalidOperationException("A card's pseudonym is not linked to another card: links are one step, phone to card.");
        }

        var had = state.State.Card;
        var card = PhoneLinks.Attach(state.State, cardId);
        if (had is null)
        {
            await state.WriteStateAsync();
        }

        return card;
    }

    public async Task DetachFromCardAsync(string cardId)
    {
        if (PhoneLinks.Detach(state.State, cardId))
        {
            await state.WriteStateAsync();
        }
    }

    private async Task ConfirmAsync()
    {
        if (state.State.Phones.Count == 0)
        {
            return;
        }

        var cards = await Task.WhenAll(state.State.Phones.Select(async phone => (await GrainFactory.GetGrain<IResidentIdentityGrain>(phone).GetAsync()).Card));
        if (PhoneLinks.Confirm(state.State, Key, cards))
        {
            await state.WriteStateAsync();
        }
    }

    private ResidentIdentity Snapshot() => new(Key, state.State.Card, [.. state.State.Phones]);
}
