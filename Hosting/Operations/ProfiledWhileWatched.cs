using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Hosting.Operations;

/// <summary>
/// Orleans' dashboard profiles grain calls only while someone looks at it: its profiler turns on when the dashboard is
/// queried and off a minute after the last query. Its call filter (Orleans.Dashboard 10.4.2) awaits every call all the
/// same, so each call of every actor took one more asynchronous step through its activation's scheduler, watched or
/// not: a state machine, a task and a continuation a call, with Orleans' own invoker the largest part of the memory
/// telemetry added to kiosk ingest (BENCHMARKS.md (1u)). This filter stands in its place and hands a call to it only
/// while the profiler is on.
/// </summary>
internal sealed class ProfiledWhileWatched(IIncomingGrainCallFilter profilerFilter, Func<bool> profiling) : IIncomingGrainCallFilter
{
    private const string ProfilerFilter = "Orleans.Dashboard.Implementation.GrainProfilerFilter";
    private const string Profiler = "Orleans.Dashboard.Metrics.IGrainProfiler";

    public Task Invoke(IIncomingGrainCallContext context) => profiling() ? profilerFilter.Invoke(context) : context.Invoke();

    /// <summary>
    /// Puts this filter in place of the dashboard's, which it wraps. A dashboard whose filter or profiler is named
    /// otherwise keeps its own filter (<c>ClusterDashboardTests</c> says so).
    /// </summary>
    public static void Replace(IServiceCollection services)
    {
        var filter = services.FirstOrDefault(d => d.ServiceType == typeof(IIncomingGrainCallFilter) && d.ImplementationType?.FullName == ProfilerFilter);
        var profiler = services.FirstOrDefault(d => d.ServiceType.FullName == Profiler)?.ServiceType;
        if (filter?.ImplementationType is not { } filterType || profiler?.GetProperty("IsEnabled")?.PropertyType != typeof(bool))
        {
            return;
        }

        services.Remove(filter);
        services.AddSingleton<IIncomingGrainCallFilter>(provider =>
        {
            var inner = (IIncomingGrainCallFilter)ActivatorUtilities.CreateInstance(provider, filterType);
            var instance = provider.GetRequiredService(profiler);
            var isEnabled = instance.GetType().GetProperty("IsEnabled")!.GetMethod!.CreateDelegate<Func<bool>>(instance);
            return new ProfiledWhileWatched(inner, isEnabled);
        });
    }
}
