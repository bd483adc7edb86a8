namespace Lianxin.WebHost.Live;

/// <summary>
/// How many buffers of each size the process's shared array pool keeps per core. SignalR writes a group message into
/// each connection's own pipe, and each pipe rents a 4 KB segment from that pool until the connection's transport has
/// sent it, so a patch to 1,000 dashboards rents 1,000 segments at once. The runtime keeps 32 per core by default:
/// beyond that, every delivery allocated its segment anew, about 57 MB/s of garbage at 1,000 dashboards, collected in
/// the heap that holds the actors (BENCHMARKS.md (2c)). The pool keeps only what was in use at once, and lets go of what
/// it has not used for a minute (ten seconds when memory is short).
/// </summary>
internal static class FanOutBuffers
{
    public const string Variable = "DOTNET_SYSTEM_BUFFERS_SHAREDARRAYPOOL_MAXARRAYSPERPARTITION";

    /// <summary>A few thousand dashboards per host: one live patch's segments for every connection of a scope.</summary>
    public const string KeptPerCore = "1024";

    /// <summary>
    /// Runs before anything else in the process: the runtime reads the variable once, when the pool is first used. An
    /// operator's own value wins.
    /// </summary>
    public static void Reserve()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
        {
            Environment.SetEnvironmentVariable(Variable, KeptPerCore);
        }
    }
}
