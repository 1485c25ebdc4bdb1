using AuditAdmin.Core.Features.Activities;

namespace AuditAdmin.Core.Features.Export.Bundle;

/// <summary>Who verified which bundle, with what verdict: part of the chain of custody.</summary>
public sealed record VerificationActor(string UserId, string? Username, string? Ip, string? Endpoint);

/// <summary>Records each verification (CLI or Verify page) as an AUDIT_LOG_BULK_EXPORT_VERIFIED activity.</summary>
public sealed class BundleVerificationRecorder(IActivityRecorder recorder)
{
    public Task RecordAsync(BundleVerification result, string fileName, VerificationActor? actor, CancellationToken cancellationToken) =>
        recorder.RecordAsync(new ActivityEntry(SupportedActions.AuditLogBulkExportVerified)
        {
            UserId = actor?.UserId,
            Username = actor?.Username,
            Ip = actor?.Ip,
            Endpoint = actor?.Endpoint,
            TargetModel = result.Manifest is null ? null : ExportService.TargetModel,
            Target = result.Manifest?.JobId.ToString(),
            Snapshot = new Dictionary<string, string?>
            {
                ["file"] = fileName.Length > 200 ? fileName[..200] : fileName,
                ["authentic"] = result.Authentic ? "true" : "false",
                ["problems"] = string.Join(",", result.Problems.Select(p => p.Kind).Distinct()),
            },
        }, cancellationToken);
}
