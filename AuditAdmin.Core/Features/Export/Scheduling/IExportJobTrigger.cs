namespace AuditAdmin.Core.Features.Export.Scheduling;

/// <summary>Asks the background scheduler to run an export job now.</summary>
internal interface IExportJobTrigger
{
    Task TriggerAsync(Guid jobId, CancellationToken cancellationToken);
}
