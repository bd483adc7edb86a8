using Lianxin.TestSupport;
using Lianxin.Volunteers;
using Xunit.Abstractions;

namespace Lianxin.Cluster.Tests;

/// <summary>
/// One three-silo cluster (real <c>Lianxin.Silo</c> processes on one PostgreSQL database) and two web hosts as its
/// clients, shared by the cluster tests: starting silos is the slow part. A test that kills or stops silos replaces
/// them; the next test starts with <see cref="EnsureFullAsync"/>.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const int Size = 3;

    /// <summary>How long the cluster may take to notice a dead silo, reassign its actors and admit a new one.</summary>
    public static readonly TimeSpan Recovery = TimeSpan.FromSeconds(90);

    private readonly List<SiloProcess> _silos = [];
    private readonly List<SiloProcess> _everStarted = [];
    private readonly RecentWarnings _webALogs = new(), _webBLogs = new();

    public ClusterSettings Settings { get; private set; } = null!;

    public LianxinWebFactory WebA { get; private set; } = null!;

    public LianxinWebFactory WebB { get; private set; } = null!;

    public IReadOnlyList<SiloProcess> Silos => _silos;

    public async Task InitializeAsync()
    {
        Settings = await ClusterSettings.CreateAsync();
        try
        {
            _silos.AddRange(await Task.WhenAll(Enumerable.Range(0, Size).Select(_ => StartAsync())));
            WebA = new LianxinWebFactory(settings: Settings.WebHostSettings, logs: _webALogs);
            WebB = new LianxinWebFactory(settings: Settings.WebHostSettings, logs: _webBLogs);
            _ = (WebA.Server, WebB.Server);
            await WaitMembersAsync();
        }
        catch (Exception e)
        {
            // A fixture that fails to start is not disposed: its silo processes must not outlive the test run.
            var tails = Tails();
            foreach (var silo in _everStarted)
            {
                await silo.DisposeAsync();
            }

            _everStarted.Clear();
            throw new InvalidOperationException($"The cluster did not start: {e.Message}\n{tails}", e);
        }
    }

    public async Task DisposeAsync()
    {
        await (WebA?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (WebB?.DisposeAsync() ?? ValueTask.CompletedTask);
        foreach (var silo in _everStarted)
        {
            await silo.DisposeAsync();
        }
    }

    /// <summary>
    /// Replaces any silo an earlier test left dead, and waits until the cluster has all its members and places new
    /// actors on every silo's share of the directory.
    /// </summary>
    public async Task EnsureFullAsync()
    {
        for (var i = 0; i < _silos.Count; i++)
        {
            if (_silos[i].HasExited)
            {
                _silos[i] = await StartAsync();
            }
        }

        await WaitMembersAsync();
        await WaitPlacingAsync();
    }

    /// <summary>Starts a silo in place of silo <paramref name="index"/> (already killed or stopped) and waits until it joined.</summary>
    public async Task ReplaceAsync(int index)
    {
        _silos[index] = await StartAsync();
        await WaitMembersAsync();
    }

    /// <summary>The index of the silo that hosts an actor now (activating it if needed), as the cluster's directory says.</summary>
    public async Task<int> HostOfAsync(IAddressable grain)
    {
        var address = await WebA.Grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grain);
        var index = _silos.FindIndex(s => s.SiloPort == address?.Endpoint.Port);
        return index >= 0 ? index : throw new InvalidOperationException($"No silo of this test listens on {address}.");
    }

    /// <summary>
    /// Runs a test body; when it fails, the tail of every silo's output is written to the test output first, so the
    /// cluster's side of the failure is in the report.
    /// </summary>
    public async Task ReportingAsync(ITestOutputHelper output, Func<Task> test)
    {
        try
        {
            await test();
        }
        catch
        {
            output.WriteLine(Tails());
            throw;
        }
    }

    /// <summary>The latest output of every silo started for these tests, and the web hosts' latest warnings and errors.</summary>
    private string Tails()
    {
        var report = new System.Text.StringBuilder();
        foreach (var (name, logs) in new[] { ("web host A", _webALogs), ("web host B", _webBLogs) })
        {
            report.AppendLine($"----- {name}: latest warnings and errors -----");
            foreach (var line in logs.Lines())
            {
                report.AppendLine(line);
            }
        }

        lock (_everStarted)
        {
            foreach (var silo in _everStarted)
            {
                report.AppendLine($"----- {silo.Name}{(silo.HasExited ? " (exited)" : "")} -----");
                foreach (var line in silo.Output)
                {
                    report.AppendLine(line);
                }
            }
        }

        return report.ToString();
    }

    private async Task<SiloProcess> StartAsync()
    {
        var silo = await SiloProcess.StartAsync(Settings);
        lock (_everStarted)
        {
            _everStarted.Add(silo);
        }

        return silo;
    }

    /// <summary>Waits until the membership table lists exactly the running silos as active, and a client reaches them.</summary>
    private Task WaitMembersAsync() => Eventually.HoldsAsync(
        () => AnswersAsync(async () =>
        {
            var hosts = await WebA.Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(TimeSpan.FromSeconds(10));
            var running = _silos.Where(s => !s.HasExited).Select(s => s.SiloPort).Order();
            return hosts.Keys.Select(k => k.Endpoint.Port).Order().SequenceEqual(running);
        }),
        full => full,
        Recovery,
        "every running silo active in the membership table, and no other");

    /// <summary>
    /// After a silo dies, the directory ranges it owned, and those of a silo that joins soon after, are held under a
    /// lease (about 20 s here) before they register new activations: a call that must activate an actor there waits,
    /// and times out after the 10 s response timeout with a 503. A test started inside that window saw the failover of
    /// the test before it. Fresh actors' ids fall all over the ring, so when 32 of them answer every silo's share of
    /// the directory is serving (the chance that none lands in a third of the ring is (2/3)^32).
    /// </summary>
    private Task WaitPlacingAsync() => Eventually.HoldsAsync(
        () => AnswersAsync(async () =>
        {
            await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => WebA.Grains.GetGrain<IVolunteerGrain>($"directory-probe-{Guid.NewGuid():N}").GetProfileAsync()));
            return true;
        }),
        placed => placed,
        Recovery,
        "new actors placed on every silo's share of the directory");

    /// <summary>What the probe found, or false while the cluster does not answer it yet (a failing-over cluster refuses or times out).</summary>
    private static async Task<bool> AnswersAsync(Func<Task<bool>> probe)
    {
        try
        {
            return await probe();
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            return false;
        }
    }
}
