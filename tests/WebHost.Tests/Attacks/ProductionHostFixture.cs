using System.Net.Http.Headers;
using System.Text;
using Lianxin.WebHost.Security;
using Microsoft.IdentityModel.Tokens;

namespace Lianxin.WebHost.Tests.Attacks;

/// <summary>
/// One web host started like production (see <see cref="ProductionHostProcess"/>), shared by the attack suite. Tests
/// reach it only over the network; a token is something the deployment's identity provider would issue, signed
/// with the deployment's key.
/// </summary>
public sealed class ProductionHostFixture : IAsyncLifetime
{
    public ProductionHostProcess Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await ProductionHostProcess.StartAsync(await ProductionHostProcess.DeploymentSettingsAsync());

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>A client carrying a token the deployment's identity provider issued for this role and scope.</summary>
    public HttpClient ClientAs(Role role, string scopeId, string? subject = null)
    {
        var issuer = new TokenIssuer(new AuthOptions(), new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Host.SigningKey)));
        var client = Host.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issuer.Issue(new Caller(subject ?? scopeId, role, scopeId)).Token);
        return client;
    }
}

[CollectionDefinition(Name)]
public sealed class ProductionHostCollection : ICollectionFixture<ProductionHostFixture>
{
    public const string Name = "Web host started like production";
}
