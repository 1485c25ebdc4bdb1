using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Export.Sources;
using AuditAdmin.Resources;
using CsvHelper;
using Microsoft.Extensions.Localization;

namespace AuditAdmin.Core.Features.Export.Formats;

/// <summary>
/// CSV for spreadsheets and the people who read them: RFC 4180 through CsvHelper, UTF-8 with a byte order mark (so
/// spreadsheet applications read it as UTF-8), formula-injection escaping on (a value that starts like a formula,
/// such as a username "=HYPERLINK(...)", gets a leading apostrophe and is quoted). The header row is in the
/// requester's language; the action is there as its label in that language and as its stored value; the time is
/// there in UTC and in the requester's time zone with its offset; the snapshot is its JSON text. The columns follow
/// <see cref="ExportRecordFields"/>.
/// </summary>
internal sealed class CsvExportFormat(IStringLocalizer<ExportResource> text, IStringLocalizer<ActionLabels> actionLabels) : IExportFormat
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        WriteByteOrderMark = true,
    };

    private static readonly CsvColumn[] Columns = [.. ExportRecordFields.All.SelectMany(CsvColumn.For)];

    private readonly ConcurrentDictionary<(string Culture, string Zone), CsvLayout> _layouts = new();

    public string Name => ExportFormatNames.Csv;

    public string FileExtension => "csv";

    public IExportRecordWriter Start(Stream destination, ExportRequester requester)
    {
        var layout = _layouts.GetOrAdd((requester.Culture.Name, requester.TimeZone.Id), _ => CreateLayout(requester));
        return new CsvRecordWriter(destination, layout, requester.TimeZone);
    }

    /// <summary>The header row and the action labels in the requester's language.</summary>
    private CsvLayout CreateLayout(ExportRequester requester)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = requester.Culture;
        try
        {
            // The local time's header names the zone (its IANA id, or UTC).
            var headers = Columns.Select(c => (string)text[c.HeaderKey, requester.TimeZone.Id]).ToArray();
            var labels = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var action in ActionCatalog.All)
            {
                var label = actionLabels[action.Value];
                labels[action.Value] = Encoding.UTF8.GetBytes(label.ResourceNotFound || string.IsNullOrWhiteSpace(label.Value) ? action.Value : label.Value);
            }
            return new CsvLayout(headers, labels);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private sealed record CsvLayout(string[] Headers, Dictionary<string, byte[]> ActionLabels)
    {
        public Dictionary<string, byte[]>.AlternateLookup<ReadOnlySpan<char>> LabelLookup { get; } = ActionLabels.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>What a column holds.</summary>
    private enum CsvValue
    {
        /// <summary>The field as the JSON formats have it (the id as a number, text as it is, empty for null).</summary>
        Field,

        /// <summary>The snapshot as JSON text.</summary>
        Snapshot,

        /// <summary>The action's label in the requester's language (its stored value while it has none).</summary>
        ActionLabel,

        /// <summary>The time in UTC, as the JSON formats write it.</summary>
        UtcTime,

        /// <summary>The same instant in the requester's time zone, ISO-8601 with its offset.</summary>
        LocalTime,
    }

    private readonly record struct CsvColumn(string HeaderKey, ExportField Field, CsvValue Value)
    {
        /// <summary>The column(s) of one record field: the action and the time get two.</summary>
        public static IEnumerable<CsvColumn> For(ExportField field)
        {
            var key = "ExportCsv_" + (field.Name == "_id" ? "Id" : char.ToUpperInvariant(field.Name[0]) + field.Name[1..]);
            switch (field.Kind)
            {
                case ExportFieldKind.Timestamp:
                    yield return new(key + "Utc", field, CsvValue.UtcTime);
                    yield return new(key + "Local", field, CsvValue.LocalTime);
                    break;
                case ExportFieldKind.Snapshot:
                    yield return new(key, field, CsvValue.Snapshot);
                    break;
                case ExportFieldKind.Text when field.Column == ExportColumn.Action:
                    yield return new(key + "Label", field, CsvValue.ActionLabel);
                    yield return new(key, field, CsvValue.Field);
                    break;
                default:
                    yield return new(key, field, CsvValue.Field);
                    break;
            }
        }
    }

    private sealed class CsvRecordWriter : IExportRecordWriter
    {
        private const int LocalTimeLength = 33;

        private readonly CsvWriter _csv;
        private readonly CsvLayout _layout;
        private readonly LocalOffsets _offsets;
        private ArrayBufferWriter<byte>? _scratch;

        public CsvRecordWriter(Stream destination, CsvLayout layout, TimeZoneInfo zone)
        {
            _layout = layout;
            _offsets = new LocalOffsets(zone);
            _csv = CsvWriter.Create(destination, Options, leaveOpen: true);
            _csv.WriteHeader(layout.Headers);
        }

        public void Write(IExportRow row)
        {
            var csv = _csv;
            Span<byte> utc = stackalloc byte[IExportRow.TimestampLength];
            Span<byte> local = stackalloc byte[LocalTimeLength];
            foreach (var (_, (_, column, kind), value) in Columns)
            {
                switch (value)
                {
                    case CsvValue.Field when kind == ExportFieldKind.Id:
                        csv.WriteField(row.Id, default);
                        break;
                    case CsvValue.Field when kind == ExportFieldKind.IngestedText && !ExportRecordFields.IsIngested(row):
                        csv.WriteField(ReadOnlySpan<byte>.Empty);
                        break;
                    case CsvValue.Field:
                        csv.WriteField(row.TryGetText(column, out var text) ? text : default);
                        break;
                    case CsvValue.Snapshot:
                        csv.WriteField(SnapshotJson(row.TryGetText(column, out var snapshot) ? snapshot : default));
                        break;
                    case CsvValue.ActionLabel:
                        csv.WriteField(row.TryGetText(column, out var action) ? Label(action) : default);
                        break;
                    case CsvValue.UtcTime:
                        csv.WriteField(utc[..row.FormatTimestamp(column, utc)]);
                        break;
                    case CsvValue.LocalTime:
                        csv.WriteField(local[.._offsets.FormatLocal(utc[..row.FormatTimestamp(column, utc)], local)]);
                        break;
                }
            }
            csv.EndRecord();
        }

        public void Finish() => _csv.Flush();

        public ValueTask DisposeAsync() => _csv.DisposeAsync();

        private ReadOnlySpan<byte> Label(ReadOnlySpan<byte> action)
        {
            Span<char> chars = stackalloc char[128];
            if (action.Length <= chars.Length && Encoding.UTF8.TryGetChars(action, chars, out var length)
                && _layout.LabelLookup.TryGetValue(chars[..length], out var label))
            {
                return label;
            }
            return action;
        }

        /// <summary>The snapshot as the JSON formats write it: the stored object, {} when missing, other text under "raw".</summary>
        private ReadOnlySpan<byte> SnapshotJson(ReadOnlySpan<byte> stored)
        {
            if (stored.IsEmpty)
            {
                return "{}"u8;
            }
            if (JsonSnapshot.IsJsonObject(stored))
            {
                return stored;
            }
            _scratch ??= new ArrayBufferWriter<byte>(256);
            _scratch.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(_scratch, JsonRecord.WriterOptions))
            {
                JsonSnapshot.Write(writer, stored);
            }
            return _scratch.WrittenSpan;
        }
    }

    /// <summary>
    /// UTC times to the zone's local time with its offset. The offset is looked up once per UTC hour: an hour whose
    /// start and end have the same offset has it throughout (a zone changes its offset at most once in an hour); any
    /// other hour is looked up instant by instant.
    /// </summary>
    private sealed class LocalOffsets(TimeZoneInfo zone)
    {
        private long _hourStart = long.MinValue;
        private TimeSpan? _hourOffset;

        /// <param name="utc">"yyyy-MM-ddTHH:mm:ss.fffffffZ", as <see cref="IExportRow.FormatTimestamp"/> writes it.</param>
        public int FormatLocal(ReadOnlySpan<byte> utc, Span<byte> destination)
        {
            var ticks = ParseTicks(utc);
            var hour = ticks - ticks % TimeSpan.TicksPerHour;
            if (hour != _hourStart)
            {
                _hourStart = hour;
                var start = zone.GetUtcOffset(new DateTime(hour, DateTimeKind.Utc));
                var end = zone.GetUtcOffset(new DateTime(hour + TimeSpan.TicksPerHour - 1, DateTimeKind.Utc));
                _hourOffset = start == end ? start : null;
            }
            var offset = _hourOffset ?? zone.GetUtcOffset(new DateTime(ticks, DateTimeKind.Utc));
            var local = new DateTimeOffset(ticks + offset.Ticks, offset);
            return local.TryFormat(destination, out var written, "O", CultureInfo.InvariantCulture)
                ? written
                : throw new InvalidOperationException("Could not format a local time.");
        }

        private static long ParseTicks(ReadOnlySpan<byte> s)
        {
            if (s.Length != IExportRow.TimestampLength)
            {
                return DateTime.Parse(Encoding.UTF8.GetString(s), CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal).Ticks;
            }
            var date = new DateTime(Digits(s[..4]), Digits(s.Slice(5, 2)), Digits(s.Slice(8, 2)), Digits(s.Slice(11, 2)),
                Digits(s.Slice(14, 2)), Digits(s.Slice(17, 2)), DateTimeKind.Utc);
            return date.Ticks + Digits(s.Slice(20, 7));
        }

        private static int Digits(ReadOnlySpan<byte> digits)
        {
            var value = 0;
            foreach (var d in digits)
            {
                value = value * 10 + (d - '0');
            }
            return value;
        }
    }
}
