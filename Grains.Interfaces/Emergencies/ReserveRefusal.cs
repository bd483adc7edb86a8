namespace Lianxin.Emergencies;

/// <summary>A reserve entry of a launch's posts that cannot work.</summary>
/// <param name="Field">Where it is in the request, e.g. <c>posts[0].reserve[1]</c>.</param>
/// <param name="Message">Why it cannot work.</param>
[GenerateSerializer, Immutable, Alias("Lianxin.ReserveRefusal")]
public sealed record ReserveRefusal(
    [property: Id(0)] string Field,
    [property: Id(1)] string Message);
