namespace AuditAdmin.Core.Features.Export;

/// <summary>Asks the background scheduler to run an export job now.</summary>
public interface IExportJobTrigger
{
    Task TriggerAsync(Guid jobId, CancellationToken cancellationToken);
}
