using System.Text;
using AuditAdmin.Core.Features.Signing;

namespace AuditAdmin.Web.Endpoints;

/// <summary>
/// GET /_api/v3/audit-log-bulk-export/signing-certificate: public, so that anyone holding a bundle can fetch what
/// verifies it. The current certificate first, then the earlier ones older bundles were signed with.
/// </summary>
internal static class SigningCertificateEndpoints
{
    public const string Path = "/_api/v3/audit-log-bulk-export/signing-certificate";
    public const string ContentType = "application/x-pem-file";

    public static IEndpointRouteBuilder MapSigningCertificateEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, GetAsync)
            .WithTags("Audit-log bulk export")
            .WithName("GetExportSigningCertificate")
            .WithSummary("The certificates that sign export manifests, as PEM: the current one first.")
            .AllowAnonymous();
        return app;
    }

    private static async Task<IResult> GetAsync(SigningCertificates certificates, CancellationToken ct)
    {
        var pem = new StringBuilder();
        foreach (var certificate in await certificates.ListAsync(ct))
        {
            pem.AppendLine(certificate.ExportCertificatePem());
        }
        return TypedResults.Text(pem.ToString(), ContentType, Encoding.ASCII);
    }
}
