using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RevenueShare.Server.Tests.Support;

/// <summary>
/// A self-signed server certificate for 127.0.0.1 and localhost made by the test, written as a PEM
/// certificate, its PEM key and a PFX with a password, as an operator would be handed them.
/// </summary>
internal sealed class TestCertificate : IDisposable
{
    public const string PfxPassword = "pfx-password-of-the-test";

    private TestCertificate(X509Certificate2 certificate, string folder)
    {
        Certificate = certificate;
        CertificatePem = Path.Combine(folder, "server.crt");
        KeyPem = Path.Combine(folder, "server.key");
        Pfx = Path.Combine(folder, "server.pfx");
    }

    public X509Certificate2 Certificate { get; }

    public string CertificatePem { get; }

    public string KeyPem { get; }

    public string Pfx { get; }

    public static TestCertificate WriteTo(string folder)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=revshare test server", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = DateTimeOffset.UtcNow;
        var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        var written = new TestCertificate(certificate, folder);
        File.WriteAllText(written.CertificatePem, certificate.ExportCertificatePem());
        File.WriteAllText(written.KeyPem, key.ExportPkcs8PrivateKeyPem());
        File.WriteAllBytes(written.Pfx, certificate.Export(X509ContentType.Pkcs12, PfxPassword));
        return written;
    }

    /// <summary>A client that trusts this certificate alone (by its thumbprint) and says which one the server presented.</summary>
    public HttpClient Client(Uri baseAddress, Action<X509Certificate2>? presented = null)
    {
        var handler = new HttpClientHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            ServerCertificateCustomValidationCallback = (_, served, _, _) =>
            {
                if (served is not null)
                {
                    presented?.Invoke(served);
                }

                return served?.Thumbprint == Certificate.Thumbprint;
            },
        };
        return new HttpClient(handler) { BaseAddress = baseAddress };
    }

    public void Dispose() => Certificate.Dispose();
}
