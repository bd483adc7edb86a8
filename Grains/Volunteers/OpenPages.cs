using Lianxin.Live;

namespace Lianxin.Volunteers;

/// <summary>
/// Keeps <see cref="IOpenPagesGrain"/> told which people's feeds have subscribers: a person's feed says so at every
/// subscription and renewal, and when its last subscriber leaves or it deactivates.
/// </summary>
internal static class OpenPages
{
    public static void Opened(IGrainFactory grains, string scope)
    {
        if (LiveScope.TryParse(scope, out var kind, out var id) && kind == LiveScope.VolunteerKind)
        {
            grains.GetGrain<IOpenPagesGrain>(0).OpenAsync(id).Ignore();
        }
    }

    public static void Closed(IGrainFactory grains, string scope)
    {
        if (LiveScope.TryParse(scope, out var kind, out var id) && kind == LiveScope.VolunteerKind)
        {
            grains.GetGrain<IOpenPagesGrain>(0).CloseAsync(id).Ignore();
        }
    }
}
