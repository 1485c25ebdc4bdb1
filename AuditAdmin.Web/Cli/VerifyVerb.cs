using System.Security.Cryptography.X509Certificates;
using AuditAdmin.Core.Features.Export.Bundle;
using AuditAdmin.Core.Features.Signing;

namespace AuditAdmin.Web.Cli;

/// <summary>
/// "verify &lt;zip&gt; [--certificate &lt;pem&gt;]": checks an export bundle against this installation's signing
/// certificates, or against the given one. Exit 0 authentic, 1 not (each failed check is printed), 2 usage.
/// </summary>
internal static class VerifyVerb
{
    public const string Usage = "usage: verify <zip> [--certificate <signing-certificate.pem>]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            throw new CliUsageException("the zip to verify is missing", Usage);
        }
        var options = CliArguments.Parse(args[1..], Usage, ["certificate"]);
        var zipPath = args[0];
        if (!File.Exists(zipPath))
        {
            throw new CliUsageException($"no such file: {zipPath}", Usage);
        }
        IReadOnlyCollection<X509Certificate2> trusted = options.Value("certificate") is { } pem
            ? [LoadPem(pem)]
            : await services.GetRequiredService<SigningCertificates>().ListAsync(CancellationToken.None);

        BundleVerification result;
        await using (var zip = File.OpenRead(zipPath))
        {
            result = await BundleVerifier.VerifyAsync(zip, trusted, CancellationToken.None);
        }
        await services.GetRequiredService<BundleVerificationRecorder>().RecordAsync(result, Path.GetFileName(zipPath), actor: null,
            CancellationToken.None);
        Console.WriteLine(BundleVerdictText.Describe(result, Path.GetFileName(zipPath)));
        return result.Authentic ? CliApplication.Success : CliApplication.Failure;
    }

    private static X509Certificate2 LoadPem(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliUsageException($"no such certificate file: {path}", Usage);
        }
        try
        {
            return X509Certificate2.CreateFromPem(File.ReadAllText(path));
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            throw new CliUsageException($"{path} is not a PEM certificate: {ex.Message}", Usage);
        }
    }
}
