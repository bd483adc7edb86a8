using System.Net;
using Lianxin.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.WebHost.Tests.Operations;

/// <summary>
/// Behind an ingress every request comes from the proxy's address. The client's own address is taken from
/// <c>X-Forwarded-For</c> only when the proxy is a configured one; otherwise the header is ignored, so nobody picks
/// their own address to escape the per-address rate limit.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string Proxy = "10.0.0.5";

    [Fact]
    public async Task BehindAKnownProxyEachClientHasItsOwnRateLimit()
    {
        await using var host = Host(new() { ["Network:KnownProxies:0"] = Proxy });
        var client = host.CreateClient();

        var first = await ExhaustAsync(client, "203.0.113.7");
        var other = await SendAsync(client, "203.0.113.8");

        Assert.Equal(HttpStatusCode.TooManyRequests, first);
        Assert.Equal(HttpStatusCode.OK, other);
    }

    [Fact]
    public async Task WithoutAKnownProxyTheHeaderIsIgnoredAndCannotEscapeTheLimit()
    {
        await using var host = Host([]);
        var client = host.CreateClient();

        var first = await ExhaustAsync(client, "203.0.113.7");
        var spoofed = await SendAsync(client, "203.0.113.9");

        Assert.Equal(HttpStatusCode.TooManyRequests, first);
        Assert.Equal(HttpStatusCode.TooManyRequests, spoofed);
    }

    private static WebApplicationFactory<Program> Host(Dictionary<string, string> settings)
    {
        settings["Limits:AnonymousPermitLimit"] = "3";
        settings["Limits:Window"] = "00:05:00";
        return new LianxinWebFactory(settings: settings).WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.AddSingleton<IStartupFilter>(new FromProxy())));
    }

    private static async Task<HttpStatusCode> ExhaustAsync(HttpClient client, string address)
    {
        var status = HttpStatusCode.OK;
        for (var i = 0; i < 10 && status != HttpStatusCode.TooManyRequests; i++)
        {
            status = await SendAsync(client, address);
        }

        return status;
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/dashboard/settings");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Every test request arrives from the proxy's address, as behind an ingress.</summary>
    private sealed class FromProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext http, RequestDelegate following) =>
            {
                http.Connection.RemoteIpAddress = IPAddress.Parse(Proxy);
                return following(http);
            });
            next(app);
        };
    }
}
