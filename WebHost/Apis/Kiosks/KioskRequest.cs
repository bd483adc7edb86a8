using Lianxin.Kiosks;

namespace Lianxin.WebHost.Apis.Registry;

/// <summary>A kiosk as written through the API.</summary>
public sealed record KioskRequest(string? Id, string? CenterId, string? Name)
{
    internal KioskProfile ToProfile(Validation v) => new(v.Id("centerId", CenterId), v.Text("name", Name, 100));
}
