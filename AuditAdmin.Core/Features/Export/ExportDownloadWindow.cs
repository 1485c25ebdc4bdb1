using Microsoft.Extensions.Configuration;

namespace AuditAdmin.Core.Features.Export;

/// <summary>How long a completed export's zip may be downloaded ("Export:DownloadExpirationSeconds").</summary>
public sealed class ExportDownloadWindow(IConfiguration configuration, TimeProvider clock)
{
    public const string ConfigurationKey = "Export:DownloadExpirationSeconds";
    public const int DefaultSeconds = 259_200;

    public TimeSpan Length => TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue(ConfigurationKey, DefaultSeconds)));

    /// <summary>The instant the download stops being offered; null while the job has not completed.</summary>
    public DateTime? ClosesAt(DateTime? completedAt) => completedAt + Length;

    public bool IsOpen(DateTime? completedAt) => ClosesAt(completedAt) is { } end && clock.GetUtcNow().UtcDateTime < end;
}
