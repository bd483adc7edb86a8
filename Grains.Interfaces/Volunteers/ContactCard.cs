using Lianxin.Emergencies;

namespace Lianxin.Volunteers;

/// <summary>
/// What an emergency needs to reach a person, kept on their grid's roster so a launch reads a grid's people in one
/// call instead of activating each person: name and phone for the gateways, skills for posts, and the person's
/// ordered channels (null: the deployment's default order).
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.ContactCard")]
public sealed record ContactCard(
    [property: Id(0)] string Name,
    [property: Id(1)] string Phone,
    [property: Id(2)] IReadOnlyList<string> Skills,
    [property: Id(3)] IReadOnlyList<AlertChannel>? Channels)
{
    /// <summary>The contact card of a person's profile.</summary>
    public static ContactCard From(VolunteerProfile profile) => new(profile.Name, profile.Phone, profile.Skills, profile.Channels);

    /// <summary>Equal in content (records compare lists by reference).</summary>
    public bool SameAs(ContactCard? other) =>
        other is not null && other.Name == Name && other.Phone == Phone && other.Skills.SequenceEqual(Skills)
        && (other.Channels is null ? Channels is null : Channels is not null && other.Channels.SequenceEqual(Channels));
}
