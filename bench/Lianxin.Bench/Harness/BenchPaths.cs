using System.Diagnostics;

namespace Lianxin.Bench.Harness;

/// <summary>Where the repository, this harness and the built web host and silo are, and which commit they are.</summary>
internal sealed record BenchPaths(string RepositoryRoot, string HarnessDll, string WebHostDll, string Commit)
{
    /// <summary>The standalone silo built beside the web host (<c>Silo/bin/&lt;configuration&gt;/&lt;framework&gt;/</c>).</summary>
    public string SiloDll
    {
        get
        {
            var framework = new DirectoryInfo(Path.GetDirectoryName(WebHostDll)!);
            return Path.Combine(RepositoryRoot, "Silo", "bin", framework.Parent!.Name, framework.Name, "Lianxin.Silo.dll");
        }
    }

    public string DemoDistrictFile => Path.Combine(Path.GetDirectoryName(WebHostDll)!, "Demo", "demo-district.json");

    public static BenchPaths Resolve(string? webHostDll)
    {
        var harness = Path.Combine(AppContext.BaseDirectory, "Lianxin.Bench.dll");
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Lianxin.slnx")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException($"No Lianxin.slnx above {AppContext.BaseDirectory}: run the harness from its build folder.");
        }

        // bin/<Configuration>/<framework>/: the web host built with the same configuration as this harness.
        var framework = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = framework.Parent!.Name;
        var webHost = webHostDll ?? Path.Combine(root.FullName, "WebHost", "bin", configuration, framework.Name, "Lianxin.WebHost.dll");
        if (!File.Exists(webHost))
        {
            throw new InvalidOperationException($"{webHost} does not exist: build it first (bench/run.sh does).");
        }

        return new BenchPaths(root.FullName, harness, Path.GetFullPath(webHost), CommitOf(root.FullName));
    }

    /// <summary>The short commit, with "-dirty" when the work tree has uncommitted changes to tracked files.</summary>
    private static string CommitOf(string root)
    {
        var commit = Git(root, "rev-parse --short HEAD")?.Trim();
        if (string.IsNullOrEmpty(commit))
        {
            return "unknown";
        }

        return string.IsNullOrWhiteSpace(Git(root, "status --porcelain --untracked-files=no")) ? commit : commit + "-dirty";
    }

    private static string? Git(string root, string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", $"-C \"{root}\" {arguments}") { RedirectStandardOutput = true, RedirectStandardError = true });
            var output = git!.StandardOutput.ReadToEnd();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
