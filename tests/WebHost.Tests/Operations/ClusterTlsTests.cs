using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Lianxin.Hosting.Operations;
using Lianxin.TestSupport;

namespace Lianxin.WebHost.Tests.Operations;

/// <summary>
/// Mutual TLS between web hosts and silos (<c>Cluster:Tls:*</c>): a web host with a certificate of the deployment's
/// authority reaches the silos' gateway over TLS; a certificate of any other authority is refused.
/// </summary>
public sealed class ClusterTlsTests : IDisposable
{
    private readonly DirectoryInfo _files = Directory.CreateTempSubdirectory("lianxin-tls.");

    [Fact]
    public async Task AWebHostWithTheDeploymentsCertificateReachesTheSilosOverTls()
    {
        using var authority = Authority("Lianxin cluster authority");
        var authorityPath = Write("authority.pem", authority.ExportCertificatePem());
        var gateway = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        await using var silo = new LianxinWebFactory(settings: Tls(Leaf(authority, "silo"), authorityPath, new() { ["Cluster:GatewayPort"] = gateway }));
        _ = silo.Server;

        await using var web = new LianxinWebFactory(settings: Tls(Leaf(authority, "webhost"), authorityPath, new()
        {
            ["Cluster:Mode"] = "Client",
            ["Cluster:GatewayPort"] = gateway,
        }));
        var client = web.CreateClient();

        var ready = await Eventually.HoldsAsync(() => client.GetAsync("/health/ready"), r => r.IsSuccessStatusCode, TimeSpan.FromMinutes(1), "the client's grain call through the TLS gateway");
        Assert.True(ready.IsSuccessStatusCode);
    }

    [Fact]
    public void OnlyCertificatesOfTheDeploymentsAuthorityAreAccepted()
    {
        using var authority = Authority("Lianxin cluster authority");
        using var stranger = Authority("Someone else");
        var silo = Leaf(authority, "silo");
        using var ours = X509Certificate2.CreateFromPemFile(silo.Certificate, silo.Key);
        using var theirs = X509CertificateLoader.LoadCertificateFromFile(Leaf(stranger, "intruder").Certificate);

        Assert.True(ClusterTls.IsSignedBy(ours, authority, SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch));
        Assert.False(ClusterTls.IsSignedBy(theirs, authority, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(ClusterTls.IsSignedBy(authority, stranger, SslPolicyErrors.None));
        Assert.False(ClusterTls.IsSignedBy(null, authority, SslPolicyErrors.RemoteCertificateNotAvailable));
    }

    public void Dispose() => _files.Delete(recursive: true);

    private static Dictionary<string, string> Tls((string Certificate, string Key) leaf, string authorityPath, Dictionary<string, string> settings)
    {
        settings["Cluster:Tls:CertificatePath"] = leaf.Certificate;
        settings["Cluster:Tls:KeyPath"] = leaf.Key;
        settings["Cluster:Tls:AuthorityPath"] = authorityPath;
        return settings;
    }

    private static X509Certificate2 Authority(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
    }

    /// <summary>A certificate for a silo or web host, signed by the authority, as PEM files.</summary>
    private (string Certificate, string Key) Leaf(X509Certificate2 authority, string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        using var certificate = request.Create(authority, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(50), RandomNumberGenerator.GetBytes(8));
        return (Write($"{name}.pem", certificate.ExportCertificatePem()), Write($"{name}.key", key.ExportPkcs8PrivateKeyPem()));
    }

    private string Write(string name, string pem)
    {
        var path = Path.Combine(_files.FullName, name);
        File.WriteAllText(path, pem);
        return path;
    }
}
