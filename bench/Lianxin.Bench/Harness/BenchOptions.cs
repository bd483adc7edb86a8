namespace Lianxin.Bench.Harness;

/// <summary>The command line of a run: <c>[--smoke] [--postgres CS] [--out DIR] [--only a,b] [--webhost DLL]</c>.</summary>
internal sealed record BenchOptions(bool Smoke, string? Postgres, string? OutputDirectory, IReadOnlySet<string>? Only, string? WebHostDll, BenchSizes Sizes)
{
    public const string PostgresVariable = "LIANXIN_BENCH_POSTGRES";

    public const string Usage = """
        Lianxin benchmarks: this machine's ceilings and the product's figures, side by side.
          bench/run.sh [--smoke] [--postgres "Host=...;Port=...;Username=..."] [--out DIR] [--only NAME,NAME] [--webhost PATH]
            --smoke     seconds and tiny sizes: proves the harness works, measures nothing worth quoting
            --postgres  a server to create throwaway databases on (else env LIANXIN_BENCH_POSTGRES, else one is started)
            --out       where the JSON and Markdown results go (default bench/results; a temporary folder for --smoke)
            --only      run only these scenarios (names as printed by --list)
            --webhost   the built Lianxin.WebHost.dll to start (default: the one built next to this harness)
            --set       change one size, e.g. --set volunteers=50000 (repeatable; names as in the results' "sizes")
            --telemetry on|off  the product hosts' metrics, traces, cluster dashboard and request logs (default on)
            --list      print the scenario names and exit
        """ + "\n" + Emergencies.ActorMobilization.Usage;

    /// <summary>Telemetry of the product's hosts (<c>--telemetry on|off</c>); the telemetry scenario measures both sides itself.</summary>
    public bool Telemetry { get; init; } = true;

    public bool Includes(string scenario) => Only is null || Only.Contains(scenario);

    /// <summary>Null with a message when the command line is wrong or asks for help.</summary>
    public static (BenchOptions? Options, string? Message) Parse(IReadOnlyList<string> args)
    {
        var smoke = false;
        string? postgres = Environment.GetEnvironmentVariable(PostgresVariable), output = null, webHost = null;
        HashSet<string>? only = null;
        var changes = new List<string>();
        var telemetry = true;
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--smoke":
                    smoke = true;
                    break;
                case "--postgres":
                    postgres = Value();
                    break;
                case "--out":
                    output = Value();
                    break;
                case "--only":
                    only = [.. Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                    break;
                case "--webhost":
                    webHost = Value();
                    break;
                case "--telemetry":
                    telemetry = Value() switch
                    {
                        "on" => true,
                        "off" => false,
                        var other => throw new ArgumentException($"--telemetry takes on or off, not '{other}'."),
                    };
                    break;
                case "--set":
                    changes.Add(Value());
                    break;
                case "--list":
                    return (null, string.Join(Environment.NewLine, Catalog.All.Select(s => s.Name)));
                case "-h" or "--help":
                    return (null, Usage);
                default:
                    return (null, $"Unknown argument '{args[i]}'.{Environment.NewLine}{Usage}");
            }
        }

        if (only?.FirstOrDefault(n => !Catalog.Names.Contains(n)) is { } unknown)
        {
            return (null, $"Unknown scenario '{unknown}'. Known: {string.Join(", ", Catalog.Names)}");
        }

        var sizes = smoke ? BenchSizes.SmokeSizes : BenchSizes.Full;
        foreach (var change in changes)
        {
            sizes = sizes.With(change);
        }

        return (new BenchOptions(smoke, string.IsNullOrWhiteSpace(postgres) ? null : postgres, output, only, webHost, sizes) { Telemetry = telemetry }, null);
    }
}
