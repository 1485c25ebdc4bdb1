using AuditAdmin.Core.Features.Export.Sources;

namespace AuditAdmin.Core.Features.Export.Formats;

/// <summary>
/// A file format an export can be written in, chosen by the job's Format. Adding one is a class implementing this
/// and a registration line in <see cref="ExportFeature"/>; it writes the fields of <see cref="ExportRecordFields"/>.
/// </summary>
internal interface IExportFormat
{
    /// <summary>The job's Format value that selects it, e.g. "json".</summary>
    string Name { get; }

    /// <summary>The data files' extension, without the dot.</summary>
    string FileExtension { get; }

    /// <summary>
    /// Starts one data file on <paramref name="destination"/>, writing its header if the format has one, for
    /// <paramref name="requester"/> (whose language and time zone a format may show).
    /// </summary>
    IExportRecordWriter Start(Stream destination, ExportRequester requester);
}

/// <summary>Writes the records of one data file; the file's stream belongs to the caller.</summary>
internal interface IExportRecordWriter : IAsyncDisposable
{
    /// <summary>Appends the row's record. Output may stay buffered until the writer decides to hand it to the stream.</summary>
    void Write(IExportRow row);

    /// <summary>Writes the footer, if any, and hands everything buffered to the stream.</summary>
    void Finish();
}
