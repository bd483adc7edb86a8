using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;
using Orleans.Runtime;

namespace Lianxin.Hosting;

/// <summary>
/// Orleans works out a grain interface's type name on every <c>GetGrain</c>, by reading the interface's attributes
/// and formatting its name; on the kiosk path that was about 3 % of the host's CPU (every batch gets several
/// references). Registered first among the providers, this one answers from what it has already worked out, and
/// works out something new by asking the resolver, which then goes on to Orleans' own providers and conventions.
/// </summary>
internal sealed class RememberedGrainInterfaceTypes(IServiceProvider services) : IGrainInterfaceTypeProvider
{
    [ThreadStatic]
    private static bool t_workingOut;

    private readonly ConcurrentDictionary<Type, GrainInterfaceType> _known = new();

    public bool TryGetGrainInterfaceType(Type type, out GrainInterfaceType grainInterfaceType)
    {
        if (_known.TryGetValue(type, out grainInterfaceType))
        {
            return true;
        }

        if (t_workingOut)
        {
            // The resolver asking the providers after this one, on this one's behalf.
            return false;
        }

        t_workingOut = true;
        try
        {
            grainInterfaceType = services.GetRequiredService<GrainInterfaceTypeResolver>().GetGrainInterfaceType(type);
        }
        finally
        {
            t_workingOut = false;
        }

        _known[type] = grainInterfaceType;
        return true;
    }

    /// <summary>Puts the provider before Orleans' own, wherever the call stands among the registrations.</summary>
    public static void Register(IServiceCollection services) =>
        services.Insert(0, ServiceDescriptor.Singleton<IGrainInterfaceTypeProvider, RememberedGrainInterfaceTypes>());
}
