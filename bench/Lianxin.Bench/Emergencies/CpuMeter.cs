using System.Diagnostics;
using Lianxin.Bench.Harness;

namespace Lianxin.Bench.Emergencies;

/// <summary>
/// CPU time spent by this process and, when its data directory is given, by the PostgreSQL server: on a machine
/// shared with other work, CPU seconds say what a phase costs better than wall time does.
/// </summary>
internal sealed class CpuMeter(string? postgresDataDirectory)
{
    public (double Host, double Postgres) Now() => (
        Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds,
        postgresDataDirectory is null ? 0 : PostgresServer.CpuTimeOf(postgresDataDirectory)?.TotalSeconds ?? 0);

    public static string Describe((double Host, double Postgres) from, (double Host, double Postgres) to) =>
        $"CPU: host {to.Host - from.Host:0.00} s, PostgreSQL {to.Postgres - from.Postgres:0.00} s";
}
