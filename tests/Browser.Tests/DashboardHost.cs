using System.Globalization;
using System.Net;
using Lianxin.TestSupport;
using Lianxin.WebHost.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace Lianxin.Browser.Tests;

/// <summary>
/// The web host on a real Kestrel port with the demo district in PostgreSQL, and a headless Debian Chromium
/// driven by Playwright: what an operator's big screen and a volunteer's phone talk to.
/// </summary>
public sealed class DashboardHost : IAsyncLifetime
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private WebApplicationFactory<Program> _factory = null!;
    private IPlaywright _playwright = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public DemoApi Api { get; private set; } = null!;

    public IGrainFactory Grains => _factory.Services.GetRequiredService<IGrainFactory>();

    public async Task InitializeAsync()
    {
        var connectionString = await TestDatabase.CreateAsync();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ConnectionStrings:Lianxin", connectionString);
            builder.UseSetting("Cluster:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Cluster:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Cluster:ClusterId", $"browser-{Guid.NewGuid():N}");
            builder.UseSetting("Dashboard:DefaultRegion", "ld");
            builder.UseSetting("Demo:Enabled", "true");
            // No simulated kiosk traffic: the tests' own check-ins are the only ones, so counts are exact.
            builder.UseSetting("Demo:Simulate", "false");
        });
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        BaseAddress = new Uri(addresses.Addresses.First());
        Api = new DemoApi(BaseAddress);
        await _factory.Services.GetRequiredService<DemoDistrictLoader>().Loaded.WaitAsync(TimeSpan.FromMinutes(5));

        Assertions.SetDefaultExpectTimeout((float)Deadline.TotalMilliseconds);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task<IPage> OpenAsync(string path, int width = 1600, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        context.SetDefaultTimeout((float)Deadline.TotalMilliseconds);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(BaseAddress, path).ToString());
        return page;
    }

    /// <summary>A person's phone page, signed in with their id (demo sign-in) and showing their alerts.</summary>
    public async Task<IPage> PhoneAsync(string volunteerId)
    {
        var page = await OpenAsync("/volunteer", width: 390, height: 844);
        await page.Locator("#sign-in input[name=id]").FillAsync(volunteerId);
        await page.Locator("#sign-in button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");
        return page;
    }

    public async Task DisposeAsync()
    {
        Api.Dispose();
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await _factory.DisposeAsync();
    }

    /// <summary>
    /// Where a screenshot goes when screenshots are asked for: <c>LIANXIN_SCREENSHOTS</c> names a folder (relative to the
    /// repository root; <c>docs</c> refreshes the README's picture). Null otherwise: test runs leave the repository alone.
    /// </summary>
    public static string? ScreenshotPath(string name)
    {
        var folder = Environment.GetEnvironmentVariable("LIANXIN_SCREENSHOTS");
        if (string.IsNullOrWhiteSpace(folder))
        {
            return null;
        }

        var path = Path.Combine(Path.IsPathRooted(folder) ? folder : RepositoryPath(folder), name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    /// <summary>Saves a screenshot of the page when screenshots are asked for.</summary>
    public static async Task SaveScreenshotAsync(IPage page, string name)
    {
        if (ScreenshotPath(name) is { } path)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        }
    }

    /// <summary>Where docs/ is: the repository root holds Lianxin.slnx.</summary>
    public static string RepositoryPath(params string[] parts)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Lianxin.slnx")))
        {
            directory = directory.Parent;
        }

        return Path.Combine([directory?.FullName ?? throw new InvalidOperationException("Lianxin.slnx not found above the test binaries."), .. parts]);
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardHost>
{
    public const string Name = "Dashboard in Chromium";
}
