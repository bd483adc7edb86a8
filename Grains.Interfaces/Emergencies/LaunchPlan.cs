namespace Lianxin.Emergencies;

/// <summary>A launch checked before anything is sent: its refused reserve entries, or whom it would reach.</summary>
/// <param name="Refusals">Reserve entries that cannot work; when there are any, nothing else was worked out.</param>
/// <param name="Audience">Whom the launch would reach, with its posts' warnings; null when something was refused.</param>
[GenerateSerializer, Immutable, Alias("Lianxin.LaunchPlan")]
public sealed record LaunchPlan(
    [property: Id(0)] IReadOnlyList<ReserveRefusal> Refusals,
    [property: Id(1)] AudiencePreview? Audience);
