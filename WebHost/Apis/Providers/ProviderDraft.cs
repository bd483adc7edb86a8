using Lianxin.Common;
using Lianxin.Providers;

namespace Lianxin.WebHost.Apis.Providers;

/// <summary>Reads a provider request into a profile, collecting every field's problem.</summary>
internal static class ProviderDraft
{
    public const int MaxServices = 10;

    public static ProviderProfile Read(Validation v, ProviderRequest r, string id, string regionId)
    {
        var name = v.Text("name", r.Name, 200);
        var licence = v.Text("licenceNumber", r.LicenceNumber, 64);
        var services = new List<BasicFunction>();
        if (r.Services is not { Count: > 0 and <= MaxServices })
        {
            v.Add("services", $"Must name 1 to {MaxServices} basic functions.");
        }
        else
        {
            for (var i = 0; i < r.Services.Count; i++)
            {
                var function = v.Enum<BasicFunction>($"services[{i}]", r.Services[i]);
                if (function == BasicFunction.PartyBuilding)
                {
                    v.Add($"services[{i}]", "Party-building is party affairs, which are never outsourced (党务工作不外包): no provider is qualified for it.");
                }
                else if (!services.Contains(function))
                {
                    services.Add(function);
                }
            }
        }

        var from = v.Required("validFrom", r.ValidFrom);
        var until = v.Required("validUntil", r.ValidUntil);
        if (r.ValidFrom is not null && r.ValidUntil is not null && until < from)
        {
            v.Add("validUntil", "Must not be before validFrom.");
        }

        if (r.Rating is < 1 or > 5)
        {
            v.Add("rating", "Must be 1 to 5.");
        }

        return new ProviderProfile(id, name, licence, services, from, until, r.Rating, regionId, r.Suspended ?? false);
    }
}
