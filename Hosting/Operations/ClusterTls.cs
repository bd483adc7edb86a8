using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Orleans.Connections.Security;

namespace Lianxin.Hosting.Operations;

/// <summary>
/// Mutual TLS on the silo and gateway ports (<c>Cluster:Tls:*</c>), off unless a certificate is configured. Every silo
/// and web host presents a certificate signed by the deployment's own authority (<c>Cluster:Tls:AuthorityPath</c>) and
/// accepts only peers whose certificate chains to it: silos are reached by pod IP, so the authority, not the host
/// name, is the identity. Certificates and keys are PEM files (a Kubernetes TLS secret mounted as files).
/// </summary>
internal static class ClusterTls
{
    public const string Section = "Cluster:Tls";

    public static void Apply(ISiloBuilder silo, IConfiguration configuration)
    {
        if (Read(configuration) is { } tls)
        {
            silo.UseTls(tls.Certificate, options => Configure(options, tls.Authority));
        }
    }

    public static void Apply(IClientBuilder client, IConfiguration configuration)
    {
        if (Read(configuration) is { } tls)
        {
            client.UseTls(tls.Certificate, options => Configure(options, tls.Authority));
        }
    }

    private static (X509Certificate2 Certificate, X509Certificate2 Authority)? Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        if (section["CertificatePath"] is not { Length: > 0 } certificatePath)
        {
            return null;
        }

        var authorityPath = section["AuthorityPath"] is { Length: > 0 } a
            ? a
            : throw new InvalidOperationException($"{Section}:AuthorityPath is required with {Section}:CertificatePath: peers are trusted by the authority that signed them.");
        var certificate = X509Certificate2.CreateFromPemFile(certificatePath, section["KeyPath"] is { Length: > 0 } key ? key : null);
        return (certificate, X509CertificateLoader.LoadCertificateFromFile(authorityPath));
    }

    private static void Configure(TlsOptions options, X509Certificate2 authority)
    {
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.RemoteCertificateValidation = (certificate, _, errors) => IsSignedBy(certificate, authority, errors);
    }

    /// <summary>The peer's chain must end at the deployment's authority; a name mismatch is expected (pod IPs).</summary>
    internal static bool IsSignedBy(X509Certificate2? certificate, X509Certificate2 authority, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate) && chain.ChainElements[^1].Certificate.Thumbprint == authority.Thumbprint;
    }
}
