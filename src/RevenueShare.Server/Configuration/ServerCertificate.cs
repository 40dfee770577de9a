using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RevenueShare.Server.Configuration;

/// <summary>
/// Loads the TLS certificate of the https addresses once, at start: a PEM certificate with its key
/// (beside it or in a file of its own, plain or encrypted with the password) or a PFX/PKCS#12 file.
/// Loading it here rather than leaving it to Kestrel's first connection turns a wrong path, password
/// or key into a problem of the configuration, stated before anything listens.
/// </summary>
public static class ServerCertificate
{
    public static X509Certificate2? Load(ServiceConfiguration configuration)
    {
        var path = configuration.Text(ServiceSettings.CertificatePath);
        var keyPath = configuration.Text(ServiceSettings.CertificateKeyPath);
        var password = configuration.Text(ServiceSettings.CertificatePassword);
        if (path is null)
        {
            if (keyPath is not null || password is not null)
            {
                configuration.Problem(keyPath is not null ? ServiceSettings.CertificateKeyPath.Key : ServiceSettings.CertificatePassword.Key, $"belongs to {ServiceSettings.CertificatePath.Key}, which is not given.");
            }

            return null;
        }

        string? missing = !File.Exists(path) ? path : keyPath is not null && !File.Exists(keyPath) ? keyPath : null;
        if (missing is not null)
        {
            configuration.Problem(missing == path ? ServiceSettings.CertificatePath.Key : ServiceSettings.CertificateKeyPath.Key, $"names {Path.GetFullPath(missing)}, which does not exist.");
            return null;
        }

        var pem = IsPem(path);
        if (pem && keyPath is null && !File.ReadAllText(path).Contains("PRIVATE KEY-----", StringComparison.Ordinal))
        {
            configuration.Problem(ServiceSettings.CertificatePath.Key, $"is a PEM certificate without its private key: give the key's file by {ServiceSettings.CertificateKeyPath.Key} ({ServiceSettings.CertificateKeyPath.Flag}).");
            return null;
        }

        try
        {
            var certificate = pem
                ? password is null
                    ? X509Certificate2.CreateFromPemFile(path, keyPath)
                    : X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath)
                : X509CertificateLoader.LoadPkcs12FromFile(path, password);
            if (!certificate.HasPrivateKey)
            {
                configuration.Problem(ServiceSettings.CertificatePath.Key, "holds a certificate without its private key.");
                return null;
            }

            return certificate;
        }
        catch (CryptographicException e)
        {
            configuration.Problem(ServiceSettings.CertificatePath.Key, $"cannot be loaded as a certificate with its key: {e.Message.TrimEnd('.')} (a wrong password, or a key that is not the certificate's?).");
            return null;
        }
    }

    private static bool IsPem(string path)
    {
        // A PEM file is text with a "-----BEGIN" line near its top (after the attributes openssl may write); a PFX is DER.
        var head = new byte[4096];
        using var file = File.OpenRead(path);
        var read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return System.Text.Encoding.ASCII.GetString(head, 0, read).Contains("-----BEGIN", StringComparison.Ordinal);
    }
}
