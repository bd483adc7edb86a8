using System.Diagnostics;
using System.Globalization;

namespace Lianxin.Bench.Emergencies;

/// <summary>
/// CPU time spent by this process and, when its data directory is given, by the PostgreSQL server: on a machine
/// shared with other work, CPU seconds say what a phase costs better than wall time does.
/// </summary>
internal sealed class CpuMeter(string? postgresDataDirectory)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public (double Host, double Postgres) Now() => (Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, PostgresSeconds());

    public static string Describe((double Host, double Postgres) from, (double Host, double Postgres) to) =>
        $"CPU: host {to.Host - from.Host:0.00} s, PostgreSQL {to.Postgres - from.Postgres:0.00} s";

    private double PostgresSeconds()
    {
        if (postgresDataDirectory is null || !File.Exists(Path.Combine(postgresDataDirectory, "postmaster.pid")))
        {
            return 0;
        }

        var postmaster = File.ReadLines(Path.Combine(postgresDataDirectory, "postmaster.pid")).First().Trim();
        var total = 0.0;
        foreach (var dir in Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(n => n!.All(char.IsDigit)))
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{dir}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                // After the command: state(0) ppid(1) … utime(11) stime(12).
                if (dir == postmaster || fields[1] == postmaster)
                {
                    total += (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
                }
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }

        return total;
    }
}
