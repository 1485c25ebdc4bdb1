using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Export.Formats;
using AuditAdmin.Core.Features.Export.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AuditAdmin.Core.Features.Export;

/// <summary>
/// The pre-flight estimate of an export: how many records it would hold and how large its data files would be.
/// </summary>
/// <param name="Count">Matching records; when <paramref name="CountIsLowerBound"/>, there are more than this.</param>
/// <param name="CountIsLowerBound">Counting stopped at the cap (<see cref="ExportOptions.EstimateCountCap"/>).</param>
/// <param name="EstimatedBytes">The data files' size before zipping, in the requested format.</param>
public sealed record ExportEstimate(long Count, bool CountIsLowerBound, long EstimatedBytes);

/// <summary>
/// Estimates an export before it is requested. The count runs the export's own filter
/// (<see cref="ExportActivityQuery.Filter(IQueryable{Activities.Activity}, ExportFilters)"/>), so it is what an export
/// requested now would hold and what the list shows for the same filters; it is exact up to
/// <see cref="ExportOptions.EstimateCountCap"/> and stops there (a count with a LIMIT), so it answers as fast on ten
/// million rows as on a thousand. The size writes a sample of the matching records in the format itself and scales it.
/// </summary>
public sealed class ExportEstimator
{
    /// <summary>Records written to measure a format: enough to average out the variety of actions and targets.</summary>
    internal const int SampleSize = 200;

    private readonly IDbContextFactory<AuditAdminDbContext> _dbFactory;
    private readonly ExportFormats _formats;
    private readonly IOptionsMonitor<ExportOptions> _options;

    internal ExportEstimator(IDbContextFactory<AuditAdminDbContext> dbFactory, ExportFormats formats, IOptionsMonitor<ExportOptions> options)
    {
        _dbFactory = dbFactory;
        _formats = formats;
        _options = options;
    }

    internal static ExportEstimator Create(IServiceProvider services) => new(
        services.GetRequiredService<IDbContextFactory<AuditAdminDbContext>>(),
        services.GetRequiredService<ExportFormats>(),
        services.GetRequiredService<IOptionsMonitor<ExportOptions>>());

    /// <param name="userId">The requester, whose language and time zone shape the CSV format's text.</param>
    /// <exception cref="ArgumentException">An unknown format.</exception>
    public async Task<ExportEstimate> EstimateAsync(string userId, ExportFilters filters, string format, CancellationToken cancellationToken)
    {
        if (!ExportFormatNames.IsKnown(format))
        {
            throw new ArgumentException($"'{format}' is not an export format.", nameof(format));
        }
        var options = _options.CurrentValue;
        var cap = options.EstimateCountCap;
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var matching = ExportActivityQuery.Filter(db.Activities.AsNoTracking(), filters);
        var counted = await matching.Take(cap + 1).LongCountAsync(cancellationToken);
        var count = Math.Min(counted, cap);
        if (count == 0)
        {
            return new ExportEstimate(0, false, 0);
        }
        // Any matching rows will do, so no ORDER BY: the database stops at the first ones its plan finds.
        var sample = await matching.Take(SampleSize).ToListAsync(cancellationToken);
        var requester = await ExportRequesters.FindAsync(db, userId, cancellationToken);
        var bytes = await MeasureAsync(_formats.For(format), requester, sample, count, options.MaxLogsPerFile);
        return new ExportEstimate(count, counted > cap, bytes);
    }

    /// <summary>The sample's bytes a record, times the count, plus each file's own framing (header, brackets).</summary>
    private static async Task<long> MeasureAsync(IExportFormat format, ExportRequester requester, List<Activities.Activity> sample,
        long count, int perFile)
    {
        var empty = await WriteAsync(format, requester, []);
        var written = await WriteAsync(format, requester, sample);
        var perRecord = (double)(written - empty) / sample.Count;
        var files = (count + perFile - 1) / perFile;
        return (long)Math.Round(perRecord * count) + empty * files;
    }

    private static async Task<long> WriteAsync(IExportFormat format, ExportRequester requester, List<Activities.Activity> rows)
    {
        await using var counter = new CountingStream();
        await using (var writer = format.Start(counter, requester))
        {
            var row = new ActivityExportRow();
            foreach (var activity in rows)
            {
                row.Activity = activity;
                writer.Write(row);
            }
            writer.Finish();
        }
        return counter.Length;
    }

    /// <summary>A stream that only counts what is written to it.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;

        public override long Position
        {
            get => _length;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            _length += count;
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
