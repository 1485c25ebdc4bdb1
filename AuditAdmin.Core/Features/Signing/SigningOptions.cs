namespace AuditAdmin.Core.Features.Signing;

/// <summary>Bound from "Export:Signing". Empty: AuditAdmin generates its own certificate at first start.</summary>
public sealed class SigningOptions
{
    public const string Section = "Export:Signing";

    /// <summary>The operator's PFX (PKCS#12) with the private key; relative paths are under the data directory.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }
}
