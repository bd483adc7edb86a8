using System.Security.Cryptography;
using Lianxin.Centers;
using Lianxin.Common;

namespace Lianxin.Kiosks;

/// <summary>A kiosk's registry facts.</summary>
internal sealed class KioskGrain(
    [PersistentState(StorageNames.KioskState, StorageNames.Default)] IPersistentState<KioskState> state) : Grain, IKioskGrain
{
    private string Id => this.GetPrimaryKeyString();

    public Task<KioskSnapshot?> GetAsync() =>
        Task.FromResult(state.State.Profile is null ? null : new KioskSnapshot(Id, state.State.Profile));

    public async Task<RegistryResult> CreateAsync(KioskProfile profile)
    {
        if (state.State.Profile is not null)
        {
            return RegistryResult.Conflict($"Kiosk '{Id}' already exists.");
        }

        if (await GrainFactory.GetGrain<ICenterGrain>(profile.CenterId).GetLinkAsync() is null)
        {
            return RegistryResult.NotFound($"Center '{profile.CenterId}' does not exist.");
        }

        state.State.Profile = profile;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ICenterGrain>(profile.CenterId).AttachKioskAsync(Id);
        return RegistryResult.Created;
    }

    public async Task<RegistryResult> UpdateAsync(KioskProfile profile)
    {
        if (state.State.Profile is not { } previous)
        {
            return RegistryResult.NotFound($"Kiosk '{Id}' does not exist.");
        }

        var moved = previous.CenterId != profile.CenterId;
        if (moved && await GrainFactory.GetGrain<ICenterGrain>(profile.CenterId).GetLinkAsync() is null)
        {
            return RegistryResult.NotFound($"Center '{profile.CenterId}' does not exist.");
        }

        state.State.Profile = profile;
        await state.WriteStateAsync();
        if (moved)
        {
            await GrainFactory.GetGrain<ICenterGrain>(profile.CenterId).AttachKioskAsync(Id);
            await GrainFactory.GetGrain<ICenterGrain>(previous.CenterId).DetachKioskAsync(Id);
        }

        return RegistryResult.Updated;
    }

    public async Task<RegistryResult> SetKeyHashAsync(byte[]? keyHash)
    {
        if (state.State.Profile is null)
        {
            return RegistryResult.NotFound($"Kiosk '{Id}' does not exist.");
        }

        state.State.KeyHash = keyHash;
        await state.WriteStateAsync();
        return RegistryResult.Updated;
    }

    public Task<bool> HasKeyAsync() => Task.FromResult(state.State.KeyHash is not null);

    public Task<string?> AuthenticateAsync(byte[] keyHash) => Task.FromResult(
        state.State is { Profile: { } profile, KeyHash: { } stored } && CryptographicOperations.FixedTimeEquals(stored, keyHash)
            ? profile.CenterId
            : null);
}
