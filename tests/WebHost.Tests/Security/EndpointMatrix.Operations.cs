using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using static Lianxin.WebHost.Tests.Security.Callers;

namespace Lianxin.WebHost.Tests.Security;

/// <summary>
/// Orleans' dashboard (<c>/cluster/</c>): any operator may read it; its grain-state viewer and log stream are refused to
/// everyone (actors' state holds people's data).
/// </summary>
public static partial class EndpointMatrix
{
    private static IEnumerable<EndpointRow> Operations()
    {
        const string root = "/cluster";
        static string Silo(SecurityDistrict d) => d.Host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToParsableString();
        CallerSpec[] operators = [Operator, OtherOperator];
        return
        [
            Get($"{root}/", _ => $"{root}/", operators),
            Get($"{root}/index.html", _ => $"{root}/index.html", operators),
            Get($"{root}/favicon.ico", _ => $"{root}/favicon.ico", operators),
            Get($"{root}/index.min.js", _ => $"{root}/index.min.js", operators),
            Get($"{root}/index.css", _ => $"{root}/index.css", operators),
            Get($"{root}/fonts/{{**path}}", _ => $"{root}/fonts/fa-solid-900.woff2", operators),
            Get($"{root}/img/{{**path}}", _ => $"{root}/img/OrleansLogo.png", operators),
            Get($"{root}/version", _ => $"{root}/version", operators),
            Get($"{root}/DashboardCounters", _ => $"{root}/DashboardCounters", operators),
            Get($"{root}/ClusterStats", _ => $"{root}/ClusterStats", operators),
            Get($"{root}/Reminders", _ => $"{root}/Reminders", operators),
            Get($"{root}/Reminders/{{page:int}}", _ => $"{root}/Reminders/1", operators),
            Get($"{root}/HistoricalStats/{{*path}}", d => $"{root}/HistoricalStats/{Silo(d)}", operators),
            Get($"{root}/SiloProperties/{{*address}}", d => $"{root}/SiloProperties/{Silo(d)}", operators),
            Get($"{root}/SiloStats/{{*address}}", d => $"{root}/SiloStats/{Silo(d)}", operators),
            Get($"{root}/SiloCounters/{{*address}}", d => $"{root}/SiloCounters/{Silo(d)}", operators),
            Get($"{root}/SiloMetadata/{{*address}}", d => $"{root}/SiloMetadata/{Silo(d)}", operators),
            Get($"{root}/LifecycleStages", _ => $"{root}/LifecycleStages", operators),
            Get($"{root}/GrainStats/{{*grainName}}", _ => $"{root}/GrainStats/Lianxin.Centers.CenterGrain", operators),
            Get($"{root}/TopGrainMethods", _ => $"{root}/TopGrainMethods", operators),
            Get($"{root}/GrainTypes", _ => $"{root}/GrainTypes", operators),
            // Refused to every caller, operators included: 403 for any valid token, 401 without one.
            Get($"{root}/GrainState", _ => $"{root}/GrainState?grainType=Lianxin.Volunteers.VolunteerGrain&grainId={SecurityDistrict.VolunteerA1}"),
            Get($"{root}/Trace", _ => $"{root}/Trace"),
        ];
    }
}
